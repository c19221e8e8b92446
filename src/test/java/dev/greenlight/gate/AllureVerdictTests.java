package dev.greenlight.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qameta.allure.model.Status;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import static dev.greenlight.gate.GateFixtures.DAY;
import static dev.greenlight.gate.GateFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The verdict in Allure: a Go/No-Go epic, categories by criterion, the verdict on the overview")
class AllureVerdictTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    @DisplayName("one result per criterion plus the verdict, with status, parameters, severity and the evidence attached")
    void shouldWriteOneResultPerCriterion() throws Exception {
        Path allure = runGate();

        List<JsonNode> gate = gateResults(allure);
        assertThat(gate).hasSize(24);
        JsonNode errorRate = byFullName(gate, "greenlight.gate.error-rate");
        assertThat(errorRate.path("status").asText()).isEqualTo("failed");
        assertThat(errorRate.path("statusDetails").path("message").asText()).startsWith("[criterion: error-rate] ROLLBACK — ROLLBACK: 8.00 %");
        assertThat(label(errorRate, "severity")).isEqualTo("blocker");
        assertThat(errorRate.path("parameters").findValuesAsText("name")).contains("status", "lines", "measured", "interval", "samples");
        assertThat(errorRate.path("attachments").findValuesAsText("name")).contains("evidence · error-rate (1 measurements)");
        assertThat(allure.resolve(errorRate.path("attachments").get(0).path("source").asText())).exists();
        JsonNode memory = byFullName(gate, "greenlight.gate.memory");
        assertThat(memory.has("status")).as("a HOLD row is neither passed nor failed (Allure: unknown)").isFalse();
        JsonNode verdict = byFullName(gate, "greenlight.gate.verdict");
        assertThat(verdict.path("name").asText()).isEqualTo("Verdict: ROLLBACK");
        assertThat(verdict.path("attachments").findValuesAsText("name")).containsExactly("verdict.md", "verdict.json", "verdict.pdf");
    }

    @Test
    @DisplayName("the overview shows the verdict, and categories.json sorts failures by criterion")
    void shouldPutTheVerdictOnTheOverview() throws Exception {
        Path allure = runGate();

        assertThat(allure.resolve("environment.properties")).content().contains("Verdict=ROLLBACK", "Verdict-decided-by=error-rate, critical-features", "Verdict-evidence=complete");
        JsonNode categories = JSON.readTree(allure.resolve("categories.json").toFile());
        assertThat(categories.findValuesAsText("name")).contains("Target not ready", "Configuration", "error-rate — HTTP error rate",
                "critical-features — Critical features");
    }

    @Test
    @DisplayName("running the gate again replaces its earlier results and leaves the acceptance results alone")
    void shouldReplaceEarlierGateResults() throws Exception {
        Path allure = runGate();
        long before = Files.list(allure).count();

        runGate();

        assertThat(gateResults(allure)).hasSize(24);
        assertThat(Files.list(allure).count()).isEqualTo(before);
        assertThat(results(allure)).filteredOn(r -> label(r, "epic").equals("Critical path")).hasSize(2);
    }

    /** ROLLBACK: an error rate of 8 % and a broken critical feature; acceptance results in the same directory. */
    private Path runGate() {
        Path allure = tmp.resolve("allure-results");
        if (!Files.isDirectory(allure)) {
            AllureTestFiles files = new AllureTestFiles(allure);
            files.write("shouldSignUp", Status.PASSED, "Critical path", "critical-features");
            files.write("shouldShowPost", Status.BROKEN, "Critical path", "critical-features");
            EvidenceFiles.finishedRun(tmp.resolve("evidence"), "run-1", T0.plus(DAY), List.of(GateFixtures.rate(800, 10_000)));
        }
        new Gate(Clock.fixed(T0.plus(DAY), ZoneOffset.UTC)).run(new Gate.Request(List.of(tmp.resolve("evidence")), List.of(allure),
                GateFixtures.CRITERIA, null, tmp.resolve("verdict"), allure, null));
        return allure;
    }

    private static List<JsonNode> gateResults(Path dir) {
        return results(dir).stream().filter(r -> label(r, "epic").equals("Go/No-Go")).toList();
    }

    private static List<JsonNode> results(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith("-result.json")).map(AllureVerdictTests::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode byFullName(List<JsonNode> results, String fullName) {
        return results.stream().filter(r -> r.path("fullName").asText().equals(fullName)).findFirst().orElseThrow();
    }

    private static String label(JsonNode result, String name) {
        for (JsonNode label : result.path("labels")) {
            if (label.path("name").asText().equals(name)) {
                return label.path("value").asText();
            }
        }
        return "";
    }
}
