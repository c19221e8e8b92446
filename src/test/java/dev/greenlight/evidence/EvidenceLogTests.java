package dev.greenlight.evidence;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Evidence: written as it happens, read back whole, never lost")
class EvidenceLogTests {

    @TempDir
    Path evidence;

    private final Clock clock = Clock.systemUTC();

    private EvidenceLog open(String runId) {
        return EvidenceLog.open(evidence, new RunManifest(runId, "local", clock.instant(), null, Map.of("kind", "local")), clock);
    }

    @Test
    void shouldWriteEachMeasurementAsOneFlushedLine() throws IOException {
        try (EvidenceLog log = open("run-1")) {
            log.record(Measurement.of("error-rate", "soak interval 1").rate(3, 1000).build(), "a.B.c");
            assertThat(Files.readAllLines(log.runDir().resolve(EvidenceLog.MEASUREMENTS)))
                    .as("lines on disk before the run ends").hasSize(1)
                    .first().asString().contains("\"criterion\":\"error-rate\"").contains("\"events\":3").contains("\"runId\":\"run-1\"");
        }
    }

    @Test
    void shouldMarkARunFinishedOnlyWhenItEnds() {
        EvidenceLog log = open("run-2");
        log.record(Measurement.of("cpu", "cpu").value(0.2, "ratio", 10).build(), "x");

        assertThat(EvidenceReader.read(List.of(evidence)).complete()).as("while running").isFalse();
        log.close();
        assertThat(EvidenceReader.read(List.of(evidence)).complete()).as("after close").isTrue();
    }

    @Test
    void shouldKeepEverythingButAHalfWrittenLastLine() throws IOException {
        Histogram latency = new Histogram(3);
        for (int i = 1; i <= 1000; i++) {
            latency.recordValue(i * 100L);
        }
        EvidenceLog log = open("run-3");
        log.record(Measurement.of("latency-p95", "interval").distribution(latency).window(Instant.EPOCH, Instant.EPOCH.plusSeconds(10)).build(), "x");
        Files.writeString(log.runDir().resolve(EvidenceLog.MEASUREMENTS), "{\"criterion\":\"cpu\",\"na", StandardOpenOption.APPEND);

        EvidenceReader.Evidence read = EvidenceReader.read(List.of(evidence));

        assertThat(read.measurements()).hasSize(1);
        assertThat(read.unreadable()).hasSize(1).first().asString().contains("measurements.jsonl:2");
        Histogram back = HistogramCodec.decode(read.measurements().get(0).histogram());
        assertThat(back.getTotalCount()).isEqualTo(1000);
        assertThat(back.getValueAtPercentile(95)).isBetween(94_900L, 95_100L);
        assertThat(read.runs()).singleElement().satisfies(run -> assertThat(run.complete()).isFalse());
    }

    @Test
    void shouldMergeSeveralRunDirectories() {
        try (EvidenceLog first = open("day-1"); EvidenceLog second = open("day-2")) {
            first.record(Measurement.of("error-rate", "a").rate(1, 100).build(), "x");
            second.record(Measurement.of("error-rate", "b").rate(2, 100).build(), "x");
        }
        EvidenceReader.Evidence read = EvidenceReader.read(List.of(evidence.resolve("day-1"), evidence.resolve("day-2")));

        assertThat(read.runs()).extracting(RunManifest::runId).containsExactly("day-1", "day-2");
        assertThat(read.measurements()).extracting(Measurement::events).containsExactly(1L, 2L);
    }

    @Test
    void shouldRefuseImpossibleMeasurements() {
        assertThatThrownBy(() -> Measurement.of("error-rate", "x").rate(5, 3).build()).hasMessageContaining("0 <= events <= samples");
        assertThatThrownBy(() -> Measurement.of("cpu", "x").build()).hasMessageContaining("has no kind");
        assertThatThrownBy(() -> EvidenceReader.read(List.of(evidence.resolve("missing")))).hasMessageContaining("does not exist");
    }
}
