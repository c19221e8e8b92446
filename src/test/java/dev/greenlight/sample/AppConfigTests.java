package dev.greenlight.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Configuration comes from the environment, with one clear message per mistake")
class AppConfigTests {

    private static final String URL = "postgresql://app:pw@127.0.0.1:5432/db?schema=public";

    private static AppConfig resolve(Map<String, String> extra, Properties properties) {
        Map<String, String> env = new HashMap<>(Map.of("PORT", "3000", "DATABASE_URL", URL));
        env.putAll(extra);
        return AppConfig.fromEnvironment(env, properties);
    }

    @Test
    void shouldApplyDefaults() {
        AppConfig config = resolve(Map.of(), new Properties());

        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.personality()).isEqualTo(Personality.CANDIDATE);
        assertThat(config.appVersion()).isEqualTo("2.4.0");
        assertThat(config.poolSize()).isEqualTo(10);
        assertThat(config.work()).isEqualTo(Duration.ofMillis(10));
        assertThat(config.seed()).isTrue();
        assertThat(config.adminToken()).isNull();
        assertThat(config.toString()).doesNotContain(":pw@");
    }

    @Test
    void shouldNameTheMissingOrBadVariable() {
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("DATABASE_URL", URL), new Properties()))
                .isInstanceOf(ConfigException.class).hasMessage("PORT is required but not set");
        assertThatThrownBy(() -> resolve(Map.of("PRISMA_VERSION", "5.0.0"), new Properties()))
                .hasMessageContaining("PRISMA_VERSION must be one of 6.19.0, 7.0.1");
        assertThatThrownBy(() -> resolve(Map.of("POOL_SIZE", "lots"), new Properties())).hasMessageContaining("POOL_SIZE");
        assertThatThrownBy(() -> resolve(Map.of("MIGRATIONS_DIR", "/nowhere/prisma/migrations"), new Properties()))
                .hasMessageContaining("MIGRATIONS_DIR /nowhere/prisma/migrations is not a directory");
    }

    @Test
    void shouldRejectBadFaultsAsConfigurationError() {
        assertThatThrownBy(() -> resolve(Map.of("GREENLIGHT_SAMPLE_FAULTS", "latency=soon"), new Properties()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("latency=soon");
        assertThatThrownBy(() -> resolve(Map.of("POOL_SIZE", "4", "GREENLIGHT_SAMPLE_FAULTS", "pool-leak=5"), new Properties()))
                .hasMessageContaining("more than POOL_SIZE 4");
    }

    @Test
    void shouldLetTheSystemPropertyWinOverTheEnvironmentForFaults() {
        Properties properties = new Properties();
        properties.setProperty("greenlight.sample.faults", "errors=3%");

        AppConfig config = resolve(Map.of("GREENLIGHT_SAMPLE_FAULTS", "latency=1s"), properties);

        assertThat(config.faults()).hasToString("errors=3%");
    }
}
