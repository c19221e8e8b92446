package dev.greenlight.matrix;

import dev.greenlight.config.GateConfig;
import dev.greenlight.gate.Gate;
import dev.greenlight.gate.RunJudgement;
import dev.greenlight.gate.Verdict;

import java.nio.file.Path;
import java.time.Clock;

/**
 * A gate-only row: the healthy row's evidence copied into the row's directory and judged with the row's sign-off
 * sheet, whose decisions are bound to the fingerprint of that very evidence (or, for stale ones, an earlier run's).
 */
final class SignOffRow {

    private SignOffRow() {
    }

    /** Judges {@code row} on a copy of {@code healthyRunDir} under {@code rowDir}; the run directory is {@link #runDir}. */
    static Verdict judge(Row row, Path healthyRunDir, Path rowDir, Path projectSuites, GateConfig gate) {
        Path reports = rowDir.resolve("reports");
        Path runDir = runDir(rowDir, healthyRunDir);
        FaultMatrix.copyTree(healthyRunDir, runDir);
        // the fingerprint leaves the sign-off sheet out, so the project's criteria (same bytes as the row's copy) give the row's
        String fingerprint = Gate.read(RunJudgement.request(reports, projectSuites, runDir, gate)).fingerprint().value();
        Path suites = row.signOff().suitesIn(rowDir.resolve("suites"), projectSuites, fingerprint);
        return RunJudgement.judge(reports, suites, runDir, gate, Clock.systemUTC());
    }

    static Path runDir(Path rowDir, Path healthyRunDir) {
        return rowDir.resolve("reports").resolve("evidence").resolve(healthyRunDir.getFileName().toString());
    }
}
