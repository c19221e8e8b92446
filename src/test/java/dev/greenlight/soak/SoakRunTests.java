package dev.greenlight.soak;

import dev.greenlight.config.MetricsConfig;
import dev.greenlight.evidence.Measurement;
import dev.greenlight.evidence.MeasurementBuilder;
import dev.greenlight.soak.load.StubServer;
import dev.greenlight.soak.profile.MixEntry;
import dev.greenlight.soak.profile.RequestMixSpec;
import dev.greenlight.soak.profile.SoakProfile;
import dev.greenlight.soak.profile.SoakProfiles;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("A soak run records every interval as evidence and files, and stops early on a rollback condition")
class SoakRunTests {

    @TempDir
    Path dir;

    private final List<Measurement> recorded = new CopyOnWriteArrayList<>();

    private SoakResult run(StubServer server, SoakProfile profile) throws InterruptedException {
        RequestMixSpec mix = new RequestMixSpec(List.of(), List.of(new MixEntry("GET /feed", null, "/feed", null, 1, null)), List.of(), null);
        SoakRun.Plan plan = new SoakRun.Plan(new SoakProfiles.Selected("test", profile, mix), server.baseUrl(),
                server.baseUrl() + "/metrics", new MetricsConfig(null, null).names(), true, Duration.ofSeconds(2),
                Duration.ofSeconds(1), "gl-test", null, dir, this::sink, new PrintStream(PrintStream.nullOutputStream()), null);
        return new SoakRun(plan).run();
    }

    private void sink(MeasurementBuilder measurement, boolean attach) {
        recorded.add(measurement.build());
    }

    private static SoakProfile profile(Duration duration, double rate) {
        return new SoakProfile(null, "m", duration, Duration.ZERO, rate, 16, null, Duration.ofMillis(500), Duration.ofMillis(250),
                Duration.ZERO, Duration.ofSeconds(1), new SoakProfile.Checkpoints(Duration.ofSeconds(1), null, null), null,
                new SoakProfile.Abort(0.05, Duration.ofSeconds(1), false, null));
    }

    private List<Measurement> of(String criterion) {
        return recorded.stream().filter(m -> m.criterion().equals(criterion)).toList();
    }

    @Test
    @DisplayName("every request of a healthy run is counted once across the interval measurements, and the files say the same")
    void shouldRecordEveryIntervalOnce() throws Exception {
        try (StubServer server = StubServer.start()) {
            SoakResult result = run(server, profile(Duration.ofSeconds(3), 100));

            assertThat(result.stopReason()).as("stop reason of a healthy run").isNull();
            long samples = of("error-rate").stream().mapToLong(Measurement::samples).sum();
            assertThat(samples).as("requests counted over the error-rate intervals").isEqualTo(result.totals().finished()).isEqualTo(300);
            assertThat(of("latency-p95").stream().mapToLong(Measurement::samples).sum()).as("latency samples").isEqualTo(300);
            assertThat(of("latency-avg")).as("one latency-avg per latency-p95").hasSameSizeAs(of("latency-p95"));
            assertThat(of("soak-run")).as("completion record").singleElement().extracting(Measurement::value).isEqualTo(1.0);
            assertThat(SoakFiles.readLog(result.latencyLog()).stream().mapToLong(h -> h.getTotalCount()).sum())
                    .as("requests in the interval log").isEqualTo(300);
            assertThat(Files.readAllLines(dir.resolve("intervals.ndjson"))).as("interval lines").hasSize(of("error-rate").size());
            assertThat(result.checkpoints()).as("checkpoint summaries every second").isNotEmpty();
        }
    }

    @Test
    @DisplayName("a target answering 500 to everything is stopped early with the rollback reason")
    void shouldStopEarlyWhenErrorsHoldOverTheWindow() throws Exception {
        try (StubServer server = StubServer.start()) {
            server.status(() -> 500);
            SoakResult result = run(server, profile(Duration.ofSeconds(20), 50));

            assertThat(result.stopReason()).as("why the run stopped").contains("error rate surely above 5.0%");
            assertThat(Duration.between(result.started(), result.ended())).as("time the run took").isLessThan(Duration.ofSeconds(10));
            assertThat(of("soak-run")).as("completion record").singleElement().satisfies(m -> {
                assertThat(m.value()).as("completed").isZero();
                assertThat(m.attributes().get("stopReason")).as("recorded reason").contains("rollback condition");
            });
            assertThat(of("soak-incident")).as("the error-rate incident, closed at the end").isNotEmpty();
        }
    }
}
