package dev.greenlight.rollback;

import dev.greenlight.config.Durations;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * What a rollback drill did and found: every step with its duration, what went wrong, the times against their
 * targets, the backup and its restores, the rows compared after the rollback and the state staging was left in.
 *
 * @param deployment        how staging was moved, in words
 * @param steps             every step, in order, timed
 * @param failures          what went wrong, one line each; empty when the drill passed
 * @param proof             the backup and its proof on a scratch database; null when step 1 failed
 * @param backupKept        whether the backup file was kept in the run's evidence
 * @param timeToHealthy     rollback started to baseline healthy; null when not reached
 * @param timeToRollForward roll-forward started to candidate healthy; null when not reached
 * @param stagingRestore    what step 4 did about restoring staging's database, in words
 * @param stagingRestoreTime how long restoring over staging's database took; null when it was not done
 * @param rowsLost          rows of the step-1 snapshot missing after the rollback; -1 when not compared
 * @param rowsChanged       rows changed since step 1; -1 when not compared
 * @param rowsAdded         rows added since step 1; -1 when not compared
 * @param rowsCompared      rows of the step-1 snapshot compared; 0 when not compared
 * @param finalState        the state staging was left in
 */
public record DrillReport(String deployment, List<StepTiming> steps, List<String> failures, BackupProof proof, boolean backupKept,
                          Duration timeToHealthy, Duration timeToRollForward, String stagingRestore, Duration stagingRestoreTime,
                          long rowsLost, long rowsChanged, long rowsAdded, long rowsCompared, FinalState finalState) {

    /**
     * One step as it went.
     *
     * @param name    the step
     * @param took    how long it ran
     * @param ok      whether it succeeded
     * @param summary what it found, one line
     */
    public record StepTiming(String name, Duration took, boolean ok, String summary) {
    }

    public DrillReport {
        steps = List.copyOf(steps);
        failures = List.copyOf(failures);
    }

    public boolean passed() {
        return failures.isEmpty();
    }

    /** The summary attached to the report: steps and durations, measurements, failures, final state. */
    public String render() {
        StringBuilder out = new StringBuilder("Rollback drill — ").append(passed() ? "PASSED" : "FAILED").append('\n')
                .append("Deployment: ").append(deployment).append("\n\n");
        out.append(String.format(Locale.ROOT, "%8s  %-6s  %s%n", "took", "", "step — outcome"));
        for (StepTiming step : steps) {
            out.append(String.format(Locale.ROOT, "%8s  %-6s  %s%s%n", Durations.format(step.took()), step.ok() ? "ok" : "FAILED",
                    step.name(), step.summary().isEmpty() ? "" : " — " + step.summary()));
        }
        out.append('\n');
        line(out, "time to roll back (to healthy)", timeToHealthy);
        line(out, "time to roll forward", timeToRollForward);
        if (proof != null) {
            out.append(String.format(Locale.ROOT, "%-34s %s, %s (%d bytes), SHA-256 %s (%s)%s%n", "backup",
                    proof.backup().format().label(), size(proof.backup().bytes()), proof.backup().bytes(), proof.backup().sha256(),
                    proof.backup().note(), backupKept ? ", kept at "
                            + proof.backup().file() : ", deleted after the drill"));
            line(out, "backup restore time (scratch)", proof.restore().took());
        }
        out.append(String.format(Locale.ROOT, "%-34s %s%n", "restore of staging's database", stagingRestore));
        out.append(String.format(Locale.ROOT, "%-34s %s%n", "rows lost after rollback", rowsLost < 0 ? "not compared"
                : rowsLost + " of " + rowsCompared + " (changed " + rowsChanged + ", added " + rowsAdded + ")"));
        if (!failures.isEmpty()) {
            out.append("\nWhat went wrong:\n");
            failures.forEach(failure -> out.append("  - ").append(failure).append('\n'));
        }
        return out.append("\nFinal state: ").append(finalState.describe()).append('\n').toString();
    }

    /** {@code 4.8 KiB}, {@code 12.3 MiB}, {@code 1.2 GiB}. */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes / 1024.0;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    private static void line(StringBuilder out, String name, Duration value) {
        out.append(String.format(Locale.ROOT, "%-34s %s%n", name, value == null ? "not reached" : Durations.format(value)));
    }
}
