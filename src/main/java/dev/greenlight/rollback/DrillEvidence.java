package dev.greenlight.rollback;

import dev.greenlight.config.RollbackConfig;
import dev.greenlight.evidence.Measurement;
import dev.greenlight.evidence.MeasurementBuilder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The drill's evidence for the {@code rollback-drill} criterion: whether it passed, the times (seconds) and the
 * backup size (MB, 1024² bytes, as the gate counts) each with its target from the target file in the {@code target}
 * attribute, written with its unit ({@code 60s}, {@code 512MB}) so the gate holds the value against it, and the rows
 * lost after the rollback out of the rows compared. A figure the drill did not reach is left out, not made up; a
 * backup without a size limit has no {@code target}.
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
            MeasurementBuilder size = Measurement.of(CRITERION, "backup size").value(report.proof().backup().bytes() / 1048576.0, "MB", 1)
                    .attribute("bytes", report.proof().backup().bytes())
                    .attribute("format", report.proof().backup().format().label())
                    .attribute("sha256", report.proof().backup().sha256());
            out.add(rollback.maxBackupMb() == 0 ? size : size.attribute("target", rollback.maxBackupMb() + "MB"));
        }
        seconds(out, "restore over staging's database time", report.stagingRestoreTime(), rollback.timeToRestore());
        if (report.rowsLost() >= 0) {
            out.add(Measurement.of(CRITERION, "rows lost after rollback").count(report.rowsLost(), report.rowsCompared())
                    .attribute("target", 0).attribute("changed", report.rowsChanged()).attribute("added", report.rowsAdded()));
        }
        return out;
    }

    private static String seconds(Duration duration) {
        double value = duration.toNanos() / 1e9;
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    private static void seconds(List<MeasurementBuilder> out, String name, Duration took, Duration target) {
        if (took != null) {
            out.add(Measurement.of(CRITERION, name).duration(took).attribute("target", seconds(target) + "s"));
        }
    }
}
