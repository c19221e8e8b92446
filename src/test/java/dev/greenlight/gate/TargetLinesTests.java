package dev.greenlight.gate;

import dev.greenlight.config.ConfigException;
import dev.greenlight.config.GateConfig;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("A target may set a criterion's lines for itself, and the report says so")
class TargetLinesTests {

    private final Criteria file = CriteriaFile.load(Path.of("suites", "go-no-go.yaml"));

    @Test
    void shouldReplaceOnlyTheLinesTheTargetSets() {
        Criteria local = file.withLines("memory", new GateConfig.Lines("< 200MB/h", "> 200MB/h", null), "gate.lines.memory");

        CriterionSpec memory = local.byId("memory").orElseThrow();
        assertThat(memory.go().text()).isEqualTo("< 200MB/h");
        assertThat(memory.noGo().text()).isEqualTo("> 200MB/h");
        assertThat(memory.rollback()).isEqualTo(file.byId("memory").orElseThrow().rollback());
        assertThat(local.linesOverridden()).containsOnlyKeys("memory");
        assertThat(local.linesOverridden().get("memory")).contains("5MB/h");
        assertThat(local.byId("error-rate")).isEqualTo(file.byId("error-rate"));
    }

    @Test
    void shouldNameTheKeyOfAnUnknownCriterionOrABadLine() {
        assertThatThrownBy(() -> file.withLines("memroy", new GateConfig.Lines("< 1MB/h", null, null), "gate.lines.memroy"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("gate.lines.memroy: no criterion 'memroy'");
        assertThatThrownBy(() -> file.withLines("memory", new GateConfig.Lines("about 200", null, null), "gate.lines.memory"))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("gate.lines.memory.go:");
    }
}
