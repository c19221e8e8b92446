package dev.greenlight.gate;

import dev.greenlight.cli.Greenlight;
import io.qameta.allure.model.Status;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static dev.greenlight.gate.GateFixtures.DAY;
import static dev.greenlight.gate.GateFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("kept Allure results: found in run directories, and merged into one report without each run's own verdict")
class KeptAllureResultsTests {

    @TempDir
    Path tmp;

    @Test
    @DisplayName("a run directory's and a directory of runs' allure-results are found; a missing directory gives none")
    void shouldFindResultsInRunsAndDirectoriesOfRuns() throws Exception {
        Path run = Files.createDirectories(tmp.resolve("evidence/run-1/allure-results")).getParent();
        Files.createDirectories(tmp.resolve("evidence/run-2/allure-results"));
        Files.createDirectories(tmp.resolve("evidence/snapshots"));

        assertThat(KeptAllureResults.within(List.of(run))).as("in a run directory").containsExactly(run.resolve("allure-results"));
        assertThat(KeptAllureResults.within(List.of(tmp.resolve("evidence"), tmp.resolve("nowhere")))).as("under a directory of runs")
                .containsExactly(tmp.resolve("evidence/run-1/allure-results"), tmp.resolve("evidence/run-2/allure-results"));
    }

    @Test
    @DisplayName("a run judged on its own keeps its Go/No-Go results: copying it leaves them out and keeps every test")
    void shouldCopyTestsWithoutTheRunsOwnVerdict() throws Exception {
        Path run = EvidenceFiles.finishedRun(tmp.resolve("evidence"), "run-1", T0.plus(DAY), HealthyEvidence.measurements());
        Path kept = run.resolve("allure-results");
        AllureTestFiles tests = new AllureTestFiles(kept);
        tests.write("shouldPublishDraft", Status.PASSED, "Critical path", "critical-features");
        tests.write("shouldSignUp", Status.FAILED, "Critical path", "critical-features");
        int exit = Greenlight.run(new PrintWriter(new StringWriter(), true), new PrintWriter(new StringWriter(), true),
                "gate", run.toString(), "--out", tmp.resolve("verdict").toString(), "--allure-out", kept.toString());
        long keptResults = results(kept);

        int copied = KeptAllureResults.copyTests(kept, tmp.resolve("report-results"));

        assertThat(exit).as("the run judged on its own (ROLLBACK: a broken critical feature)").isEqualTo(40);
        assertThat(keptResults).as("results kept with the run: 2 tests and the gate's own").isGreaterThan(2);
        assertThat(copied).as("results copied").isEqualTo(2);
        assertThat(results(tmp.resolve("report-results"))).as("results in the report's directory").isEqualTo(2);
    }

    private static long results(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith("-result.json")).count();
        }
    }
}
