package dev.greenlight.soak;

import dev.greenlight.evidence.EvidenceLog;
import dev.greenlight.evidence.EvidenceReader;
import dev.greenlight.evidence.Measurement;
import dev.greenlight.gate.Decision;
import dev.greenlight.gate.Gate;
import dev.greenlight.gate.Verdict;
import dev.greenlight.testkit.SampleStaging;
import dev.greenlight.testkit.SampleStagingExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The soak suite in a child JVM, killed hard mid-run: what it wrote so far must still be readable evidence, marked incomplete. */
@ExtendWith(SampleStagingExtension.class)
@DisplayName("Soak self-tests: a harness killed mid-run leaves readable evidence that says it is incomplete")
class SoakKillSelfTests {

    private static final int INTERVALS_BEFORE_KILL = 6;

    @TempDir
    Path reports;

    @Test
    @DisplayName("kill -9 after a few intervals: every interval written so far is readable, and the run is marked incomplete")
    void shouldLeaveIncompleteButReadableEvidenceWhenKilled(SampleStaging app) throws Exception {
        String runId = "soak-killed-" + ProcessHandle.current().pid();
        Path evidenceDir = reports.resolve("evidence").resolve(runId);
        Process child = start(app.healthy(), runId);
        try {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                    .until(() -> !child.isAlive() || intervalsRecorded(evidenceDir) >= INTERVALS_BEFORE_KILL);
            assertThat(child.isAlive()).as("the soak child is still running when it is killed; its output:%n%s",
                    Files.readString(reports.resolve("child.log"))).isTrue();
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(20, TimeUnit.SECONDS)).as("the killed child exited").isTrue();
        }

        EvidenceReader.Evidence evidence = EvidenceReader.read(List.of(evidenceDir));
        List<Measurement> rates = evidence.measurements().stream().filter(m -> m.criterion().equals("error-rate")).toList();
        assertThat(evidence.runs()).as("run manifests").singleElement().satisfies(run ->
                assertThat(run.complete()).as("the killed run is marked finished").isFalse());
        assertThat(evidence.complete()).as("the evidence as a whole is complete").isFalse();
        assertThat(rates).as("error-rate intervals read back").hasSizeGreaterThanOrEqualTo(INTERVALS_BEFORE_KILL);
        assertThat(evidence.measurements()).as("soak-run completion records (only a run that ended writes one)")
                .noneMatch(m -> m.criterion().equals("soak-run"));
        Verdict verdict = new Gate(Clock.systemUTC()).run(new Gate.Request(List.of(evidenceDir), List.of(), Path.of("suites", "go-no-go.yaml"),
                null, reports.resolve("verdict"), null, null));
        assertThat(verdict.incomplete()).as("the gate says the evidence is incomplete: %s", verdict.summaryLines()).isTrue();
        assertThat(verdict.decision()).as("the gate's decision on a cut-short healthy run").isNotEqualTo(Decision.GO);
        assertThat(verdict.row("error-rate").orElseThrow().estimate().samples()).as("requests the gate judged").isEqualTo(
                rates.stream().mapToLong(Measurement::samples).sum());
        Path soakDir = reports.resolve("soak").resolve(runId).resolve("candidate");
        long logged = SoakFiles.readLog(soakDir.resolve(SoakFiles.LATENCY_LOG)).stream().mapToLong(h -> h.getTotalCount()).sum();
        long counted = rates.stream().mapToLong(Measurement::samples).sum();
        assertThat(logged).as("requests in the latency interval log, against those in the error-rate evidence").isGreaterThanOrEqualTo(counted);
    }

    private Process start(SampleStaging app, String runId) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), SoakChild.class.getName(), reports.toString()));
        Map<String, String> settings = new java.util.LinkedHashMap<>(app.asRemoteTarget());
        settings.putAll(SoakSuiteRun.settings(runId, "selftest", null));
        settings.forEach((key, value) -> command.add(key + "=" + value));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(reports.resolve("child.log").toFile()).start();
    }

    private static long intervalsRecorded(Path evidenceDir) throws IOException {
        Path file = evidenceDir.resolve(EvidenceLog.MEASUREMENTS);
        if (!Files.isRegularFile(file)) {
            return 0;
        }
        try (var lines = Files.lines(file)) {
            return lines.filter(line -> line.contains("\"criterion\":\"error-rate\"")).count();
        }
    }
}
