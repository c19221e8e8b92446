package dev.greenlight.critical.browser;

import dev.greenlight.config.BrowserConfig;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where the local Chromium and its chromedriver are: {@code browser.binary} / {@code browser.driver} when set
 * (they must exist), else the first of the usual names on the {@code PATH}, else Debian's {@code /usr/bin/chromium}
 * and {@code /usr/bin/chromedriver}. Either may be missing; then Selenium Manager is the last resort.
 *
 * @param binary the Chromium executable, or null when none was found
 * @param driver the chromedriver executable, or null when none was found
 */
public record ChromiumInstallation(Path binary, Path driver) {

    private static final List<String> BROWSER_NAMES = List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable");
    private static final Path DEBIAN_BROWSER = Path.of("/usr/bin/chromium");
    private static final Path DEBIAN_DRIVER = Path.of("/usr/bin/chromedriver");

    /** Looks on this machine, with this process's {@code PATH}. */
    public static ChromiumInstallation find(BrowserConfig config) {
        return find(config, System.getenv("PATH"), DEBIAN_BROWSER, DEBIAN_DRIVER);
    }

    /** Looks with the given {@code PATH} and fallbacks; throws when a configured path does not exist. */
    static ChromiumInstallation find(BrowserConfig config, String pathVariable, Path fallbackBrowser, Path fallbackDriver) {
        Path binary = configured("browser.binary", config.binary())
                .or(() -> onPath(pathVariable, BROWSER_NAMES))
                .or(() -> executable(fallbackBrowser))
                .orElse(null);
        Path driver = configured("browser.driver", config.driver())
                .or(() -> onPath(pathVariable, List.of("chromedriver")))
                .or(() -> executable(fallbackDriver))
                .orElse(null);
        return new ChromiumInstallation(binary, driver);
    }

    public boolean complete() {
        return binary != null && driver != null;
    }

    private static Optional<Path> configured(String key, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        Path path = Path.of(value);
        if (!Files.isRegularFile(path) || !Files.isExecutable(path)) {
            throw new BrowserUnavailableException("no browser for the browser journeys: " + key + " is '" + value
                    + "', but no executable file is there", "fix " + key + " in the target file (or remove it to look on the PATH); "
                    + BrowserLauncher.INSTALL);
        }
        return Optional.of(path);
    }

    private static Optional<Path> onPath(String pathVariable, List<String> names) {
        if (pathVariable == null || pathVariable.isBlank()) {
            return Optional.empty();
        }
        for (String name : names) {
            for (String dir : pathVariable.split(File.pathSeparator)) {
                if (!dir.isBlank()) {
                    Optional<Path> found = executable(Path.of(dir, name));
                    if (found.isPresent()) {
                        return found;
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> executable(Path path) {
        return path != null && Files.isRegularFile(path) && Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
    }
}
