package dev.greenlight.rollback;

import dev.greenlight.config.ConfigException;
import dev.greenlight.config.ConfigLoader;
import dev.greenlight.config.RollbackConfig;
import dev.greenlight.config.RunSettings;
import dev.greenlight.config.Settings;
import dev.greenlight.config.TargetConfig;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Rollback keys of the target files: the bundled files read, mistakes named")
class RollbackConfigTests {

    private static TargetConfig load(Map<String, String> properties) {
        Settings settings = Settings.of(properties, Map.of("STAGING_DB_USER", "reader", "STAGING_DB_PASSWORD", "pw-123"));
        return new ConfigLoader().load(RunSettings.resolve(settings, Clock.systemUTC()), settings).config();
    }

    @Test
    @DisplayName("local restores over its own embedded database; staging has the seed's procedure as steps and restores nothing")
    void shouldReadTheBundledTargets() {
        RollbackConfig local = load(Map.of("greenlight.target", "local")).rollback();
        TargetConfig staging = load(Map.of("greenlight.target", "staging", "greenlight.rollback.timeToHealthy", "5m"));

        assertThat(local.steps()).as("local steps (built in)").isEmpty();
        assertThat(local.restoreDatabase()).as("local restores").isTrue();
        assertThat(load(Map.of("greenlight.target", "local")).database().allowDestructive()).as("local allowDestructive").isEqualTo("app");
        assertThat(staging.rollback().steps()).as("staging rollback steps").extracting(RollbackConfig.Step::name)
                .contains("downgrade Prisma", "deploy");
        assertThat(staging.rollback().forwardSteps()).as("staging roll-forward steps").isNotEmpty();
        assertThat(staging.rollback().timeToHealthy()).as("overridden timeToHealthy").isEqualTo(Duration.ofMinutes(5));
        assertThat(staging.rollback().restoreDatabase()).as("staging restores").isFalse();
        assertThat(staging.database().allowDestructive()).as("staging allowDestructive").isEmpty();
    }

    @Test
    @DisplayName("A step without a command stops the run before any test, naming the key")
    void shouldRefuseStepWithoutCommand(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("t.yaml"), "kind: remote\napp:\n  baseUrl: http://example.test\n"
                + "rollback:\n  steps:\n    - { name: deploy }\n");

        assertThatThrownBy(() -> load(Map.of("greenlight.targetFile", file.toString())))
                .isInstanceOf(ConfigException.class).hasMessageContaining("rollback.steps[0]").hasMessageContaining("needs a command");
    }
}
