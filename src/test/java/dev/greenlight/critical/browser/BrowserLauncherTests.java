package dev.greenlight.critical.browser;

import dev.greenlight.config.AppConfig;
import dev.greenlight.config.BrowserConfig;
import dev.greenlight.config.Masker;
import dev.greenlight.config.TargetConfig;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeOptions;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BrowserLauncherTests {

    @Test
    void shouldStartAHeadlessChromiumThatWorksAsRootWithAFreshProfile() {
        BrowserConfig browser = new BrowserConfig(null, null, null, null, List.of("--lang=en-GB"), Duration.ofSeconds(4), "800x600", null);

        ChromeOptions options = BrowserLauncher.options(browser, target(browser), Path.of("/tmp/profile-1"));

        @SuppressWarnings("unchecked")
        List<String> arguments = (List<String>) ((Map<String, Object>) options.asMap().get("goog:chromeOptions")).get("args");
        assertThat(arguments).startsWith("--headless=new").containsAll(BrowserLauncher.FLAGS)
                .contains("--window-size=800,600", "--user-data-dir=/tmp/profile-1").endsWith("--lang=en-GB");
        Map<?, ?> timeouts = (Map<?, ?>) options.asMap().get("timeouts");
        assertThat(timeouts.get("implicit")).as("explicit waits only").isEqualTo(0L);
        assertThat(timeouts.get("pageLoad")).as("page loads wait as long as an HTTP request may").isEqualTo(15_000L);
    }

    @Test
    void shouldOpenTheAppWhereTheBrowserSeesIt() {
        assertThat(new BrowserConfig(null, null, null, null, null, null, null, null).appUrlOr("http://127.0.0.1:3000"))
                .isEqualTo("http://127.0.0.1:3000");
        assertThat(new BrowserConfig(null, null, null, null, null, null, null, "http://app:3000/").appUrlOr("http://127.0.0.1:3000"))
                .isEqualTo("http://app:3000");
    }

    @Test
    void shouldFailWithTheSettingToFixWhenTheConfiguredBrowserIsMissing() {
        BrowserConfig browser = new BrowserConfig(null, "/nowhere/chromium", null, null, null, null, null, null);

        assertThatThrownBy(() -> BrowserLauncher.launch(target(browser), Masker.patternsOnly()))
                .isInstanceOf(BrowserUnavailableException.class).hasMessageContaining("browser.binary");
    }

    @Test
    void shouldRefuseAWindowSizeItCannotUse() {
        assertThatThrownBy(() -> new BrowserConfig(null, null, null, null, null, null, "big", null))
                .hasMessageContaining("windowSize must look like 1280x900");
    }

    private static TargetConfig target(BrowserConfig browser) {
        TargetConfig plain = new TargetConfig("t", TargetConfig.Kind.REMOTE, null, null, null, null, null, null, null, browser, null, null, null, null, null, null);
        return plain.withApp(new AppConfig("http://127.0.0.1:3000", null, null, null, null, null));
    }
}
