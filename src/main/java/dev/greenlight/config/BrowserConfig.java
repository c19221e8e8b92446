package dev.greenlight.config;

import java.time.Duration;
import java.util.List;

/**
 * The browser for browser journeys: a local Chromium and chromedriver, or a Selenium Grid.
 *
 * @param remoteUrl   a Selenium Grid URL; when set, nothing local is started
 * @param binary      the Chromium executable; found on the PATH or at {@code /usr/bin/chromium} when absent
 * @param driver      the chromedriver executable; found likewise when absent (Selenium Manager is the last resort)
 * @param headless    headless by default
 * @param arguments   extra browser arguments
 * @param waitTimeout how long an explicit wait may take
 * @param windowSize  e.g. {@code 1280x900}
 * @param appUrl      the application's address as the browser sees it (a browser in a container or on a Grid
 *                    may need another host name); {@code app.baseUrl} when absent
 * @param enabled     false declares the browser journeys out of scope for this target (an API-only service without
 *                    a web UI): they are not run, and the verdict states it beside the criteria they serve
 */
public record BrowserConfig(
        String remoteUrl,
        String binary,
        String driver,
        Boolean headless,
        List<String> arguments,
        Duration waitTimeout,
        String windowSize,
        String appUrl,
        Boolean enabled) {

    public BrowserConfig {
        enabled = enabled == null || enabled;
        headless = headless == null || headless;
        arguments = arguments == null ? List.of() : List.copyOf(arguments);
        waitTimeout = waitTimeout == null ? Duration.ofSeconds(10) : waitTimeout;
        windowSize = windowSize == null ? "1280x900" : windowSize;
        if (!windowSize.matches("\\d{2,5}x\\d{2,5}")) {
            throw new IllegalArgumentException("windowSize must look like 1280x900, got '" + windowSize + "'");
        }
        appUrl = appUrl == null || appUrl.isBlank() ? null : appUrl.replaceAll("/+$", "");
    }

    /** The settings of the fields before {@code enabled}; browser journeys enabled. */
    public BrowserConfig(String remoteUrl, String binary, String driver, Boolean headless, List<String> arguments,
                         Duration waitTimeout, String windowSize, String appUrl) {
        this(remoteUrl, binary, driver, headless, arguments, waitTimeout, windowSize, appUrl, null);
    }

    /** Where the browser opens the application: {@code appUrl}, else the application's base URL. */
    public String appUrlOr(String baseUrl) {
        return appUrl != null ? appUrl : baseUrl;
    }
}
