package dev.greenlight.config;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Target configuration: precedence and one clear message per mistake")
class ConfigLoaderTests {

    @TempDir
    Path suites;

    private final Map<String, String> properties = new HashMap<>();
    private final Map<String, String> environment = new HashMap<>();

    private ConfigLoader.Loaded load(String yaml) throws IOException {
        Files.createDirectories(suites.resolve("targets"));
        Files.writeString(suites.resolve("targets/t.yaml"), yaml);
        properties.put("greenlight.suites", suites.toString());
        properties.put("greenlight.target", "t");
        Settings settings = Settings.of(properties, environment);
        return new ConfigLoader().load(RunSettings.resolve(settings, Clock.systemUTC()), settings);
    }

    @Test
    void shouldReadTheBundledTargetFiles() {
        for (String target : new String[] {"local", "staging", "docker"}) {
            Map<String, String> env = Map.of("STAGING_DB_USER", "reader", "STAGING_DB_PASSWORD", "pw-123");
            Settings settings = Settings.of(Map.of("greenlight.target", target), env);
            TargetConfig config = new ConfigLoader().load(RunSettings.resolve(settings, Clock.systemUTC()), settings).config();
            assertThat(config.name()).isEqualTo(target);
            assertThat(config.app().version().expected()).isEqualTo("7.0.1");
            assertThat(config.smoke().endpoints()).isNotEmpty();
        }
    }

    @Test
    void shouldApplyDefaultsForWhatTheFileLeavesOut() throws IOException {
        TargetConfig config = load("kind: remote\napp:\n  baseUrl: http://example.test/\n").config();

        assertThat(config.app().baseUrl()).isEqualTo("http://example.test");
        assertThat(config.app().health().path()).isEqualTo("/api/health");
        assertThat(config.app().readiness().timeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.database().configured()).isFalse();
    }

    @Test
    void shouldPreferPropertyOverEnvironmentOverFile() throws IOException {
        String yaml = "kind: remote\napp:\n  baseUrl: http://file.test\n  readiness:\n    timeout: 10s\n  apiPrefix: /file\n";
        environment.put("GREENLIGHT_APP_BASE_URL", "http://env.test");
        environment.put("GREENLIGHT_APP_READINESS_TIMEOUT", "20s");
        properties.put("greenlight.app.baseUrl", "http://property.test");

        ConfigLoader.Loaded loaded = load(yaml);

        assertThat(loaded.config().app().baseUrl()).isEqualTo("http://property.test");
        assertThat(loaded.config().app().readiness().timeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(loaded.config().app().apiPrefix()).isEqualTo("/file");
        assertThat(loaded.overrides()).containsEntry("app.baseUrl", "property greenlight.app.baseUrl")
                .containsEntry("app.readiness.timeout", "environment GREENLIGHT_APP_READINESS_TIMEOUT");
    }

    @Test
    void shouldReadSecretsFromTheEnvironmentAndMaskThemInTheDump() throws IOException {
        environment.put("DB_PASSWORD", "s3cr3t-value");
        ConfigLoader.Loaded loaded = load("kind: remote\napp: {baseUrl: 'http://x.test'}\ndatabase:\n  jdbcUrl: jdbc:postgresql://db/app\n"
                + "  user: ${DB_USER:-reader}\n  password: ${DB_PASSWORD}\n");

        assertThat(loaded.config().database().password().reveal()).isEqualTo("s3cr3t-value");
        assertThat(loaded.config().database().user()).isEqualTo("reader");
        String dump = EffectiveConfig.render(loaded.config(), loaded.overrides(), Masker.forConfig(loaded.config()));
        assertThat(dump).doesNotContain("s3cr3t-value").contains("password: " + Secret.MASK);
    }

    @Test
    void shouldNameTheKeyAndTheVariableWhenAnEnvironmentVariableIsMissing() {
        assertThatThrownBy(() -> load("kind: remote\napp: {baseUrl: 'http://x.test'}\ndatabase:\n  password: ${NOT_SET_ANYWHERE}\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("t.yaml: key 'database.password'")
                .hasMessageContaining("NOT_SET_ANYWHERE is not set");
    }

    @Test
    void shouldNameUnknownKeysWithTheKnownOnes() {
        assertThatThrownBy(() -> load("kind: remote\napp:\n  baseUrl: http://x.test\n  helth: {path: /h}\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("key 'app.helth': unknown key")
                .hasMessageContaining("health");
    }

    @Test
    void shouldNameWrongTypesWithWhatWasExpected() {
        assertThatThrownBy(() -> load("kind: remote\napp:\n  baseUrl: http://x.test\n  readiness: {timeout: soon}\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("key 'app.readiness.timeout'")
                .hasMessageContaining("a duration like 500ms, 30s");
        assertThatThrownBy(() -> load("kind: sideways\n"))
                .hasMessageContaining("key 'kind'").hasMessageContaining("local, remote");
        assertThatThrownBy(() -> load("kind: remote\napp: {baseUrl: 'http://x.test'}\nsmoke:\n  endpoints:\n    - {path: /feed, status: many}\n"))
                .hasMessageContaining("key 'smoke.endpoints[0].status");
    }

    @Test
    void shouldRejectImpossibleCombinations() {
        assertThatThrownBy(() -> load("kind: remote\n"))
                .hasMessageContaining("key 'app.baseUrl': a remote target needs an http(s) URL");
        assertThatThrownBy(() -> load("kind: remote\napp: {baseUrl: 'http://x.test'}\nsmoke:\n  endpoints:\n    - {path: feed}\n"))
                .hasMessageContaining("key 'smoke.endpoints[0].path'");
        assertThatThrownBy(() -> load("kind: remote\napp: {baseUrl: 'http://x.test'}\nsmoke:\n  endpoints:\n    - path: /feed\n      expect: [{path: a, equals: b, exists: true}]\n"))
                .hasMessageContaining("exactly one of equals, exists, type, matches, atLeast");
    }

    @Test
    void shouldReportBrokenYamlWithItsLine() {
        assertThatThrownBy(() -> load("kind: remote\napp:\n  baseUrl: [unclosed\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("t.yaml line")
                .hasMessageContaining("not valid YAML");
    }

    @Test
    void shouldListAvailableTargetsWhenTheFileDoesNotExist() throws IOException {
        Files.createDirectories(suites.resolve("targets"));
        Files.writeString(suites.resolve("targets/alpha.yaml"), "kind: local\n");
        Settings settings = Settings.of(Map.of("greenlight.suites", suites.toString(), "greenlight.target", "nope"), Map.of());

        assertThatThrownBy(() -> new ConfigLoader().load(RunSettings.resolve(settings, Clock.systemUTC()), settings))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("nope.yaml does not exist")
                .hasMessageContaining("Available targets: alpha");
    }
}
