package dev.greenlight.soak;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.cli.Greenlight;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("greenlight baseline save: a stored soak run kept as a named baseline")
class BaselineCommandTests {

    @TempDir
    Path reports;

    private final StringWriter err = new StringWriter();

    @Test
    @DisplayName("a run id under reports/soak is saved with its request count, and a later soak can load it by name")
    void shouldSaveARunIdAsABaseline() throws Exception {
        soakRun("20261204-101500", 300);

        int exit = run("baseline", "save", "20261204-101500", "prisma-6.19.0", "--reports", reports.toString());

        assertThat(exit).as("exit code; stderr: " + err).isZero();
        JsonNode summary = SoakFiles.JSON.readTree(reports.resolve("baselines/prisma-6.19.0").resolve(Baselines.SUMMARY).toFile());
        assertThat(summary.path("requests").asLong()).as("requests in the saved summary").isEqualTo(300);
        assertThat(Baselines.load(reports.resolve("baselines"), "prisma-6.19.0").intervals()).as("intervals read back").hasSize(3);
    }

    @Test
    @DisplayName("a path works too: the soak directory itself, or the run directory above it")
    void shouldSaveFromAPath() throws Exception {
        Path candidate = soakRun("run-a", 90);

        int soakDir = run("baseline", "save", candidate.toString(), "from-dir", "--reports", reports.toString());
        int runDir = run("baseline", "save", candidate.getParent().toString(), "from-run", "--reports", reports.toString());

        assertThat(soakDir).as("exit code for the soak directory; stderr: " + err).isZero();
        assertThat(runDir).as("exit code for the run directory; stderr: " + err).isZero();
        assertThat(reports.resolve("baselines/from-dir/latency.hlog")).as("copied interval log").exists();
        assertThat(reports.resolve("baselines/from-run/latency.hlog")).as("copied interval log").exists();
    }

    @Test
    @DisplayName("a run that has evidence but no soak, an unknown run and a bad name each exit 2 with one message")
    void shouldRefuseWhatCannotBeSaved() throws Exception {
        Files.createDirectories(reports.resolve("evidence/smoke-only"));
        Files.writeString(reports.resolve("evidence/smoke-only/run.json"), "{}");
        soakRun("run-b", 30);

        int noSoak = run("baseline", "save", "smoke-only", "x", "--reports", reports.toString());
        int noSoakByPath = run("baseline", "save", reports.resolve("evidence/smoke-only").toString(), "x", "--reports", reports.toString());
        int unknown = run("baseline", "save", "never-ran", "x", "--reports", reports.toString());
        int badName = run("baseline", "save", "run-b", "../elsewhere", "--reports", reports.toString());

        assertThat(new int[] {noSoak, noSoakByPath, unknown, badName}).as("exit codes").containsOnly(2);
        assertThat(err.toString().lines()).as("stderr, one line each").containsExactly(
                "greenlight: run 'smoke-only' has no soak (" + reports.resolve("soak/smoke-only/candidate/latency.hlog")
                        + " is missing): only a run of the soak suite (-Dgroups=soak) can be saved as a baseline",
                "greenlight: run 'smoke-only' has no soak (" + reports.resolve("soak/smoke-only/candidate/latency.hlog")
                        + " is missing): only a run of the soak suite (-Dgroups=soak) can be saved as a baseline",
                "greenlight: no run 'never-ran' under " + reports.resolve("soak") + " or " + reports.resolve("evidence"),
                "greenlight: soak.baseline: '../elsewhere' is not a baseline name (letters, digits, '.', '_', '-'), e.g. prisma-6.19.0");
        assertThat(reports.resolve("baselines")).as("nothing saved").doesNotExist();
    }

    /** A soak's corrected interval log as SoakFiles writes it: three intervals, {@code requests} in all. */
    private Path soakRun(String runId, int requests) throws Exception {
        Path dir = Files.createDirectories(reports.resolve("soak").resolve(runId).resolve("candidate"));
        try (PrintStream stream = new PrintStream(Files.newOutputStream(dir.resolve(SoakFiles.LATENCY_LOG)), true, StandardCharsets.UTF_8)) {
            HistogramLogWriter writer = new HistogramLogWriter(stream);
            writer.outputLogFormatVersion();
            writer.outputStartTime(1_000L);
            writer.outputLegend();
            for (int i = 0; i < 3; i++) {
                Histogram interval = new Histogram(3);
                for (int r = 0; r < requests / 3; r++) {
                    interval.recordValue(100_000 + r * 10L);
                }
                interval.setStartTimeStamp(1_000L + i * 1_000L);
                interval.setEndTimeStamp(2_000L + i * 1_000L);
                writer.outputIntervalHistogram(interval);
            }
        }
        return dir;
    }

    private int run(String... args) {
        return Greenlight.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), args);
    }
}
