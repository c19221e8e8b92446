package dev.greenlight.critical.browser;

import dev.greenlight.config.BrowserConfig;
import dev.greenlight.config.Masker;
import dev.greenlight.config.TargetConfig;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.remote.RemoteWebDriver;
import org.openqa.selenium.remote.http.ClientConfig;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Starts the browser the target file asks for: a session on the Selenium Grid at {@code browser.remoteUrl}, or a
 * local headless Chromium with the chromedriver {@link ChromiumInstallation} finds (Selenium Manager only when
 * neither is installed). Every start gets a fresh profile directory and flags that work as root in a container.
 */
public final class BrowserLauncher {

    /** Flags for a headless Chromium in a container, running as root, with nothing phoning home. */
    static final List<String> FLAGS = List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");

    /** How to get a browser, for every message that says there is none. */
    static final String INSTALL = "install Chromium and chromedriver (Debian: apt-get install chromium chromium-driver), "
            + "or point browser.remoteUrl at a Selenium Grid";

    private BrowserLauncher() {
    }

    /** A ready browser for the target; throws {@link BrowserUnavailableException} naming the setting to fix. */
    public static Browser launch(TargetConfig target, Masker masker) {
        BrowserConfig config = target.browser();
        String appUrl = config.appUrlOr(target.app().baseUrl());
        ClientConfig client = ClientConfig.defaultConfig()
                .connectionTimeout(target.app().timeouts().connect().plusSeconds(7))
                .readTimeout(max(target.app().timeouts().request().multipliedBy(2), Duration.ofSeconds(60)));
        if (config.remoteUrl() != null && !config.remoteUrl().isBlank()) {
            ChromeOptions options = options(config, target, null);
            try {
                WebDriver driver = RemoteWebDriver.builder().oneOf(options).address(URI.create(config.remoteUrl()))
                        .config(client).build();
                return new Browser(driver, appUrl, config.waitTimeout(), masker, () -> { });
            } catch (WebDriverException | IllegalArgumentException e) {
                throw new BrowserUnavailableException("the Selenium Grid at browser.remoteUrl " + masker.mask(config.remoteUrl())
                        + " gave no browser session: " + firstLine(masker.mask(String.valueOf(e.getMessage()))),
                        "start the Grid or fix browser.remoteUrl in the target file (remove it to use a local Chromium)", e);
            }
        }
        ChromiumInstallation installation = ChromiumInstallation.find(config);
        Path profile = profileDir();
        ChromeOptions options = options(config, target, profile);
        try {
            if (installation.binary() != null) {
                options.setBinary(installation.binary().toFile());
            }
            WebDriver driver;
            if (installation.complete()) {
                ChromeDriverService service = new ChromeDriverService.Builder()
                        .usingDriverExecutable(installation.driver().toFile())
                        .usingAnyFreePort()
                        .withTimeout(Duration.ofSeconds(30))
                        .withLogOutput(OutputStream.nullOutputStream())
                        .build();
                driver = new ChromeDriver(service, options, client);
            } else {
                driver = new ChromeDriver(options, client);
            }
            return new Browser(driver, appUrl, config.waitTimeout(), masker, () -> delete(profile));
        } catch (WebDriverException | IllegalStateException e) {
            delete(profile);
            throw new BrowserUnavailableException(unavailable(installation, firstLine(String.valueOf(e.getMessage()))), fix(installation), e);
        }
    }

    static String unavailable(ChromiumInstallation installation, String reason) {
        if (!installation.complete()) {
            return "no Chromium for the browser journeys: " + (installation.binary() == null ? "no browser" : "no chromedriver")
                    + " on the PATH or in /usr/bin, and Selenium Manager could not provide one (" + reason + ")";
        }
        return "Chromium " + installation.binary() + " with chromedriver " + installation.driver() + " did not start: " + reason;
    }

    static String fix(ChromiumInstallation installation) {
        return installation.complete()
                ? "check browser.binary and browser.driver in the target file (their versions must match)"
                : INSTALL + ", or set browser.binary and browser.driver in the target file";
    }

    static ChromeOptions options(BrowserConfig config, TargetConfig target, Path profile) {
        List<String> arguments = new ArrayList<>();
        if (config.headless()) {
            arguments.add("--headless=new");
        }
        arguments.addAll(FLAGS);
        arguments.add("--window-size=" + config.windowSize().replace('x', ','));
        if (profile != null) {
            arguments.add("--user-data-dir=" + profile);
        }
        arguments.addAll(config.arguments());
        ChromeOptions options = new ChromeOptions();
        options.addArguments(arguments);
        options.setPageLoadTimeout(max(target.app().timeouts().request(), config.waitTimeout()));
        options.setScriptTimeout(config.waitTimeout());
        options.setImplicitWaitTimeout(Duration.ZERO);
        return options;
    }

    private static Path profileDir() {
        try {
            return Files.createTempDirectory("greenlight-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a browser profile directory", e);
        }
    }

    /** Removes a profile directory and everything the browser wrote into it. */
    static void delete(Path profile) {
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the browser profile " + profile, e);
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }
}
