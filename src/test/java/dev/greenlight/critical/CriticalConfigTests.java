package dev.greenlight.critical;

import dev.greenlight.config.ConfigException;
import dev.greenlight.config.ConfigLoader;
import dev.greenlight.config.RunSettings;
import dev.greenlight.config.Settings;
import dev.greenlight.config.TargetConfig;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Critical-path settings in the target file: browser and test data")
class CriticalConfigTests {

    @TempDir
    Path suites;

    private TargetConfig load(String yaml, Map<String, String> properties) throws IOException {
        Files.createDirectories(suites.resolve("targets"));
        Files.writeString(suites.resolve("targets/t.yaml"), "kind: remote\napp:\n  baseUrl: http://127.0.0.1:3000\n" + yaml);
        Map<String, String> all = new java.util.HashMap<>(properties);
        all.put("greenlight.suites", suites.toString());
        all.put("greenlight.target", "t");
        Settings settings = Settings.of(all, Map.of());
        return new ConfigLoader().load(RunSettings.resolve(settings, Clock.systemUTC()), settings).config();
    }

    @Test
    void shouldDefaultToASafeSweepAndTheReservedTestDomain() throws IOException {
        TargetConfig config = load("", Map.of());

        assertThat(config.testData().tagPrefix()).isEqualTo("gl");
        assertThat(config.testData().emailDomain()).isEqualTo("greenlight.test");
        assertThat(config.testData().sweepAfter()).isEqualTo(Duration.ofMinutes(30));
        assertThat(config.testData().sweepLimit()).isEqualTo(200);
        assertThat(config.browser().appUrl()).isNull();
        assertThat(config.browser().appUrlOr(config.app().baseUrl())).isEqualTo("http://127.0.0.1:3000");
    }

    @Test
    void shouldReadTheKeysFromTheFileAndOverrides() throws IOException {
        TargetConfig config = load("testData:\n  sweepAfter: 2h\n  emailDomain: qa.example.test\nbrowser:\n  appUrl: http://app:3000\n",
                Map.of("greenlight.testData.sweepLimit", "0"));

        assertThat(config.testData().sweepAfter()).isEqualTo(Duration.ofHours(2));
        assertThat(config.testData().emailDomain()).isEqualTo("qa.example.test");
        assertThat(config.testData().sweepLimit()).isZero();
        assertThat(config.browser().appUrl()).isEqualTo("http://app:3000");
    }

    @Test
    void shouldNameTheKeyOfABadValue() {
        assertThatThrownBy(() -> load("testData:\n  sweepLimit: -1\n", Map.of())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("testData").hasMessageContaining("sweepLimit must be 0 (no sweep) or more");
        assertThatThrownBy(() -> load("testData:\n  tagPrefix: \"gl-%\"\n", Map.of())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("tagPrefix must be 1-16 letters or digits");
    }
}
