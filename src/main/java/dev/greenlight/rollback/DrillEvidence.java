package dev.greenlight.rollback;

import dev.greenlight.config.RollbackConfig;
import dev.greenlight.evidence.Measurement;
import dev.greenlight.evidence.MeasurementBuilder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The drill's evidence for the {@code rollback-drill} criterion: whether it passed, the times (seconds) and the
 * backup size (MiB) each with its target from the target file in the {@code target} attribute, and the rows lost
 * after the rollback out of the rows compared. A figure the drill did not reach is left out, not made up.
 */
public final class DrillEvidence {

    /** The criterion all of it serves. */
    public static final String CRITERION = "rollback-drill";

    private DrillEvidence() {
    }

    /** The measurements of {@code report}, against the targets of {@code rollback}. */
    public static List<MeasurementBuilder> of(DrillReport report, RollbackConfig rollback) {
        List<MeasurementBuilder> out = new ArrayList<>();
        out.add(Measurement.of(CRITERION, "rollback drill passed").check(report.passed())
                .attribute("failures", String.join(" | ", report.failures()))
                .attribute("finalState", report.finalState().describe())
                .attribute("stagingRestore", report.stagingRestore()));
        seconds(out, "time to roll back (to healthy)", report.timeToHealthy(), rollback.timeToHealthy());
        seconds(out, "time to roll forward", report.timeToRollForward(), rollback.timeToRollForward());
        if (report.proof() != null) {
            seconds(out, "backup restore time (scratch)", report.proof().restore().took(), rollback.timeToRestore());
            out.add(Measurement.of(CRITERION, "backup size").value(report.proof().backup().bytes() / 1048576.0, "MiB", 1)
                    .attribute("target", rollback.maxBackupMb() == 0 ? "none" : String.valueOf(rollback.maxBackupMb()))
                    .attribute("bytes", report.proof().backup().bytes())
                    .attribute("format", report.proof().backup().format().label())
                    .attribute("sha256", report.proof().backup().sha256()));
        }
        seconds(out, "restore over staging's database time", report.stagingRestoreTime(), rollback.timeToRestore());
        if (report.rowsLost() >= 0) {
            out.add(Measurement.of(CRITERION, "rows lost after rollback").count(report.rowsLost(), report.rowsCompared())
                    .attribute("target", 0).attribute("changed", report.rowsChanged()).attribute("added", report.rowsAdded()));
        }
        return out;
    }

    private static void seconds(List<MeasurementBuilder> out, String name, Duration took, Duration target) {
        if (took != null) {
            out.add(Measurement.of(CRITERION, name).duration(took).attribute("target", target.toNanos() / 1e9));
        }
    }
}
