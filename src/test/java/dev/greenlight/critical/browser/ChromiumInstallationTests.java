package dev.greenlight.critical.browser;

import dev.greenlight.config.BrowserConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChromiumInstallationTests {

    @TempDir
    Path dir;

    @Test
    void shouldPreferConfiguredPaths() throws IOException {
        Path binary = executable("my-chromium");
        Path driver = executable("my-chromedriver");
        executable("bin/chromium");

        ChromiumInstallation found = ChromiumInstallation.find(config(binary.toString(), driver.toString()), dir.resolve("bin").toString(),
                null, null);

        assertThat(found).isEqualTo(new ChromiumInstallation(binary, driver));
        assertThat(found.complete()).isTrue();
    }

    @Test
    void shouldLookOnThePathThenAtTheFallbacks() throws IOException {
        Path browser = executable("bin/google-chrome");
        Path fallbackDriver = executable("usr/chromedriver");

        ChromiumInstallation found = ChromiumInstallation.find(config(null, null), dir.resolve("empty") + ":" + dir.resolve("bin"),
                dir.resolve("usr/chromium"), fallbackDriver);

        assertThat(found).isEqualTo(new ChromiumInstallation(browser, fallbackDriver));
    }

    @Test
    void shouldReportNothingFoundWithoutFailing() {
        ChromiumInstallation found = ChromiumInstallation.find(config(null, null), "", dir.resolve("none"), dir.resolve("none"));

        assertThat(found.complete()).isFalse();
        assertThat(BrowserLauncher.unavailable(found, "offline")).contains("no browser").contains("offline");
        assertThat(BrowserLauncher.fix(found)).contains("browser.binary").contains("apt-get install chromium chromium-driver")
                .contains("browser.remoteUrl");
    }

    @Test
    void shouldNameTheSettingWhenAConfiguredPathIsWrong() {
        assertThatThrownBy(() -> ChromiumInstallation.find(config("/nowhere/chromium", null), "", null, null))
                .isInstanceOf(BrowserUnavailableException.class)
                .hasMessageContaining("browser.binary is '/nowhere/chromium'").hasMessageContaining("fix browser.binary");
    }

    private Path executable(String name) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    private static BrowserConfig config(String binary, String driver) {
        return new BrowserConfig(null, binary, driver, null, null, null, null, null);
    }
}
