package dev.greenlight.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.greenlight.config.ConfigException;
import dev.greenlight.evidence.Measurement;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;

import static dev.greenlight.gate.GateFixtures.DAY;
import static dev.greenlight.gate.GateFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("The gate over real evidence directories")
class GateTests {

    @TempDir
    Path tmp;

    private final Gate gate = new Gate(Clock.fixed(T0.plus(DAY.multipliedBy(2)), ZoneOffset.UTC));

    @Test
    @DisplayName("two evidence directories (two soak days) merge into one verdict; a directory inside another is read once")
    void shouldMergeTwoEvidenceDirectories() throws Exception {
        Path dayOne = tmp.resolve("job-1");
        Path dayTwo = tmp.resolve("job-2");
        Path runOne = EvidenceFiles.finishedRun(dayOne, "day-1", T0.plus(DAY), List.of(GateFixtures.rate(30, 40_000),
                GateFixtures.latencies("latency-p95", 20_000, 100, 120)));
        EvidenceFiles.finishedRun(dayTwo, "day-2", T0.plus(DAY.multipliedBy(2)), List.of(GateFixtures.rate(70, 60_000),
                GateFixtures.latencies("latency-p95", 30_000, 100, 700)));

        Verdict verdict = gate.run(request(List.of(dayOne, runOne, dayTwo), null));

        CriterionResult errorRate = verdict.row("error-rate").orElseThrow();
        assertThat(errorRate.estimate().samples()).as("requests of both days, each once").isEqualTo(100_000);
        assertThat(errorRate.estimate().value()).isEqualTo(100 / 100_000.0);
        assertThat(verdict.row("latency-p95").orElseThrow().estimate().samples()).isEqualTo(100_000);
        assertThat(verdict.row("latency-p95").orElseThrow().estimate().value()).as("p95 of the merged days").isGreaterThan(690);
        assertThat(verdict.inputs().runs()).extracting(r -> r.runId()).containsExactlyInAnyOrder("day-1", "day-2");
        JsonNode json = new ObjectMapper().readTree(tmp.resolve("out").resolve("verdict.json").toFile());
        assertThat(json.path("decision").asText()).isEqualTo(verdict.decision().label());
        assertThat(json.path("criteria")).hasSize(23);
        assertThat(json.path("criteria").get(0).path("measured").path("samples").asLong()).isEqualTo(100_000);
        assertThat(tmp.resolve("out").resolve("verdict.md")).content().startsWith("# Go/No-Go verdict: ");
    }

    @Test
    @DisplayName("a run cut short is reported INCOMPLETE and the verdict cannot be GO")
    void shouldReportAnIncompleteRun() {
        Path evidence = tmp.resolve("evidence");
        EvidenceFiles.finishedRun(evidence, "run-1", T0.plus(DAY), HealthyEvidence.measurements());
        EvidenceFiles.cutShortRun(evidence, "run-2", List.of(GateFixtures.rate(0, 1000)));

        Verdict verdict = gate.run(request(List.of(evidence), null));

        assertThat(verdict.incomplete()).isTrue();
        assertThat(verdict.decision()).isNotEqualTo(Decision.GO);
        assertThat(tmp.resolve("out").resolve("verdict.md")).content().contains("Evidence INCOMPLETE", "run run-2");
        assertThat(verdict.summaryLines().get(0)).contains("INCOMPLETE");
    }

    @Test
    @DisplayName("a malformed evidence line is counted and reported, not fatal")
    void shouldCountMalformedLines() throws Exception {
        Path run = EvidenceFiles.finishedRun(tmp.resolve("evidence"), "run-1", T0.plus(DAY), List.of(GateFixtures.rate(0, 5000)));
        Files.writeString(run.resolve("measurements.jsonl"), "{\"criterion\": \"error-rate\", \"kind\": \"RA\n", StandardOpenOption.APPEND);

        Verdict verdict = gate.run(request(List.of(tmp.resolve("evidence")), null));

        assertThat(verdict.inputs().unreadable()).singleElement().asString().contains("measurements.jsonl:2");
        assertThat(verdict.row("error-rate").orElseThrow().estimate().samples()).isEqualTo(5000);
        assertThat(tmp.resolve("out").resolve("verdict.md")).content().contains("1 unreadable line(s)");
    }

    @Test
    @DisplayName("a measurement with a corrupt histogram is left out with a note, not fatal")
    void shouldSurviveACorruptHistogram() {
        Measurement good = GateFixtures.latencies("latency-avg", 1000, 100);
        Measurement corrupt = new Measurement(null, null, "latency-avg", "broken", Measurement.Kind.DISTRIBUTION, 1, "ms", 5, null, null,
                null, null, "bm90IGEgaGlzdG9ncmFt", T0, T0.plus(DAY), "x", null);
        EvidenceFiles.finishedRun(tmp.resolve("evidence"), "run-1", T0.plus(DAY), List.of(good, corrupt));

        Verdict verdict = gate.run(request(List.of(tmp.resolve("evidence")), null));

        Estimate e = verdict.row("latency-avg").orElseThrow().estimate();
        assertThat(e.samples()).isEqualTo(1000);
        assertThat(e.notes()).anySatisfy(n -> assertThat(n).contains("1 distribution measurement(s) without a readable histogram"));
    }

    @Test
    @DisplayName("a missing directory is bad input, named in one message")
    void shouldNameAMissingDirectory() {
        assertThatThrownBy(() -> gate.run(request(List.of(tmp.resolve("nowhere")), null)))
                .isInstanceOf(ConfigException.class).hasMessage("evidence directory " + tmp.resolve("nowhere") + " does not exist");
    }

    Gate.Request request(List<Path> evidence, Path allureOut) {
        return new Gate.Request(evidence, List.of(), GateFixtures.CRITERIA, null, tmp.resolve("out"), allureOut, null);
    }
}
