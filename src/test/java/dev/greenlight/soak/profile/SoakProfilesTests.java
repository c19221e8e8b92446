package dev.greenlight.soak.profile;

import dev.greenlight.config.ConfigException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Soak profiles: suites/soak.yaml reads, mistakes name the key")
class SoakProfilesTests {

    @Test
    @DisplayName("the repository's profiles load: ci about a minute, 48h with morning / mid-day / evening checkpoints")
    void shouldLoadTheRepositoryProfiles() {
        SoakProfiles profiles = SoakProfiles.load(Path.of("suites/soak.yaml"));

        assertThat(profiles.profileNames()).as("profiles").contains("ci", "selftest", "24h", "48h");
        assertThat(profiles.select("ci").profile().duration()).as("ci duration").isEqualTo(Duration.ofSeconds(60));
        assertThat(profiles.select("48h").profile().checkpoints().at()).as("48h checkpoints").containsExactly("09:00", "13:00", "18:00");
        assertThat(profiles.select("ci").mix().requests()).as("ci mix").extracting(MixEntry::method).contains("GET", "POST", "PUT", "DELETE");
    }

    @Test
    @DisplayName("an unknown key is one message naming the file and the key")
    void shouldNameAnUnknownKey(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("soak.yaml");
        Files.writeString(file, "mixes:\n  m:\n    requests: [{ path: /feed }]\nprofiles:\n  p:\n    mix: m\n    rat: 5\n");

        assertThatThrownBy(() -> SoakProfiles.load(file)).as("loading a profile with a typo")
                .isInstanceOf(ConfigException.class).hasMessageContaining("soak.yaml").hasMessageContaining("rat");
    }

    @Test
    @DisplayName("a profile naming a mix that does not exist is refused")
    void shouldRefuseAnUnknownMix(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("soak.yaml");
        Files.writeString(file, "mixes:\n  m:\n    requests: [{ path: /feed }]\nprofiles:\n  p:\n    mix: other\n");

        assertThatThrownBy(() -> SoakProfiles.load(file)).as("loading a profile with a wrong mix")
                .isInstanceOf(ConfigException.class).hasMessageContaining("profiles.p.mix");
    }
}
