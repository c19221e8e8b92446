package dev.greenlight.gate;

import dev.greenlight.cli.Greenlight;
import dev.greenlight.evidence.Measurement;
import io.qameta.allure.model.Status;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static dev.greenlight.gate.GateFixtures.DAY;
import static dev.greenlight.gate.GateFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CI templates' verdict job, locally: each suite job leaves its run in a directory of its own (its artifact),
 * and {@code greenlight gate dirA dirB} judges them as one, finding each run's kept Allure results by itself.
 */
@DisplayName("greenlight gate over two CI jobs' evidence in two directories: one verdict, with the documented exit code")
class MergedEvidenceTests {

    private static final Set<String> SOAK = Set.of("error-rate", "latency-avg", "latency-p95", "db-query-avg", "pool-usage", "memory", "cpu", "baseline");

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    @DisplayName("the suites' job and the soak's job are each HOLD (20) alone, and GO awaiting sign-off (10) together")
    void shouldJudgeTwoJobsAsOne() {
        Path suites = suitesJob(tmp.resolve("job-suites"));
        Path soak = soakJob(tmp.resolve("job-soak"), HealthyEvidence.measurements());

        int suitesAlone = gate(suites);
        int soakAlone = gate(soak);
        out.getBuffer().setLength(0);
        int merged = gate(suites, soak);

        assertThat(suitesAlone).as("the suites' job alone (no soak evidence)").isEqualTo(20);
        assertThat(soakAlone).as("the soak's job alone (no test results, no drill)").isEqualTo(20);
        assertThat(merged).as("both jobs merged; stderr: " + err).isEqualTo(10);
        assertThat(out.toString()).as("the verdict printed last").contains("Go/No-Go verdict: GO — awaiting sign-off");
        assertThat(tmp.resolve("verdict").resolve(Gate.VERDICT_JSON)).as("one verdict.json for both")
                .content().contains("gl-1-smoke", "gl-1-soak-1");
    }

    @Test
    @DisplayName("the worst job decides: a soak at 9 % errors makes the merged verdict ROLLBACK (40)")
    void shouldLetTheWorstJobDecide() {
        Path suites = suitesJob(tmp.resolve("job-suites"));
        Path soak = soakJob(tmp.resolve("job-soak"), List.of(GateFixtures.rate(900, 10_000)));

        assertThat(gate(suites, soak)).as("merged exit code; stderr: " + err).isEqualTo(40);
        assertThat(out.toString()).as("the verdict").contains("Go/No-Go verdict: ROLLBACK", "error-rate");
    }

    @Test
    @DisplayName("positional directories and --evidence merge alike")
    void shouldMergePositionalAndOptionDirectories() {
        Path suites = suitesJob(tmp.resolve("job-suites"));
        Path soak = soakJob(tmp.resolve("job-soak"), HealthyEvidence.measurements());

        int exit = Greenlight.run(new PrintWriter(out, true), new PrintWriter(err, true), "gate", suites.toString(),
                "--evidence", soak.toString(), "--signoff", "suites/signoff.yaml", "--out", tmp.resolve("verdict").toString());

        assertThat(exit).as("exit code; stderr: " + err).isEqualTo(10);
    }

    /** The smoke/critical/migration/rollback job: every non-soak measurement, and its tests' Allure results in the run. */
    private static Path suitesJob(Path artifact) {
        List<Measurement> measurements = HealthyEvidence.measurements().stream().filter(m -> !SOAK.contains(m.criterion())).toList();
        Path run = EvidenceFiles.finishedRun(artifact, "gl-1-smoke", T0.plus(DAY), measurements);
        AllureTestFiles tests = new AllureTestFiles(run.resolve("allure-results"));
        for (int i = 0; i < 10; i++) {
            tests.write("shouldPass" + i, Status.PASSED, "Critical path", "critical-features");
        }
        return artifact;
    }

    private static Path soakJob(Path artifact, List<Measurement> all) {
        EvidenceFiles.finishedRun(artifact, "gl-1-soak-1", T0.plus(DAY), all.stream().filter(m -> SOAK.contains(m.criterion())).toList());
        return artifact;
    }

    private int gate(Path... dirs) {
        List<String> args = new java.util.ArrayList<>(List.of("gate"));
        for (Path dir : dirs) {
            args.add(dir.toString());
        }
        args.addAll(List.of("--signoff", "suites/signoff.yaml", "--out", tmp.resolve("verdict").toString()));
        return Greenlight.run(new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
    }
}
