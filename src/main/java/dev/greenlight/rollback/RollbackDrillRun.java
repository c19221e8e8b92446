package dev.greenlight.rollback;

import dev.greenlight.config.Durations;
import dev.greenlight.config.Masker;
import dev.greenlight.config.RollbackConfig;
import dev.greenlight.config.TargetConfig;
import dev.greenlight.http.TargetHttp;
import dev.greenlight.migration.MigrationTarget;
import dev.greenlight.target.Target;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rollback drill, step by step: (1) snapshot, back up and prove the backup on a scratch database; (2) roll back;
 * (3) wait, bounded by {@code rollback.timeToHealthy}, for health on the baseline; (4) restore the database if the
 * target needs it (over staging only when {@code database.allowDestructive} names it); (5) compare the data with step 1
 * and run the smoke checks; (6) roll forward, wait for the candidate, smoke again. Once staging has been touched,
 * rolling forward always runs, whatever failed before, and the drill ends by saying which state staging is in.
 * A failure never throws out of {@link #run()}: it is in the report.
 */
public final class RollbackDrillRun {

    private final TargetConfig config;
    private final Masker masker;
    private final Path dir;
    private final Clock clock;
    private final Deployment deployment;
    private final DrillSteps steps;
    private final TargetHttp http;
    private final MigrationTarget data;
    private final List<String> failures = new ArrayList<>();
    private final DrillData checks;
    private BackupProof proof;
    private boolean touched;
    private boolean backupKept;
    private Duration timeToHealthy;
    private Duration timeToRollForward;

    private RollbackDrillRun(Target target, Masker masker, Path dir, Clock clock) {
        this.config = target.config();
        this.masker = masker;
        this.dir = dir;
        this.clock = clock;
        this.deployment = Deployment.of(target, masker);
        this.steps = new DrillSteps(masker);
        this.http = TargetHttp.of(config, masker);
        this.data = new MigrationTarget(config, masker);
        this.checks = new DrillData(config, data, deployment, steps, this::fail);
    }

    /**
     * A drill on {@code target}, keeping its snapshots (and the backup, with {@code rollback.keepBackup}) in {@code dir}.
     *
     * @param masker hides the run's secrets (the restore password included) in outputs and messages
     */
    public static RollbackDrillRun of(Target target, Masker masker, Path dir, Clock clock) {
        RollbackConfig rollback = target.config().rollback();
        Masker full = rollback.restorePassword() == null ? masker : masker.with(List.of(rollback.restorePassword().reveal()));
        return new RollbackDrillRun(target, full, dir, clock);
    }

    /** Runs the drill and says what happened; staging is rolled forward whenever it was rolled back. */
    public DrillReport run() {
        Optional<String> refusal = deployment.refusal();
        if (refusal.isPresent()) {
            fail("the drill did not start: " + refusal.get());
            return report();
        }
        try {
            proof = steps.run("1. Snapshot the data, back up, prove the backup restores", this::backUp);
            if (proof == null) {
                fail("step 1 (snapshot and backup) failed: " + steps.lastSummary() + ". The drill stopped before touching staging");
            } else if (!proof.restoresExactly()) {
                fail("the backup restored into a scratch database differs from staging: " + String.join("; ", proof.restored()
                        .tables().stream().filter(t -> !t.identical()).map(t -> t.summary()).toList())
                        + ". The drill stopped before touching staging");
            } else {
                rollBackAndForward();
            }
        } finally {
            backupKept = config.rollback().keepBackup();
            if (!backupKept) {
                BackupProof.discard(dir);
            }
        }
        return report();
    }

    private void rollBackAndForward() {
        try {
            if (rollBack() && checks.restore(proof)) {
                checks.verify(proof, http, dir, clock);
            }
        } finally {
            rollForward();
        }
    }

    private BackupProof backUp(DrillSteps.Step step) {
        BackupProof taken = BackupProof.take(data, dir, data.settings().copyTimeout(), clock);
        step.attach("backup", taken.describe());
        step.attach("staging before the drill vs the restored backup", taken.restored().render());
        step.summary(taken.summary());
        if (!taken.restoresExactly()) {
            step.fail("the restored backup differs from staging");
        }
        return taken;
    }

    private boolean rollBack() {
        touched = true;
        String baseline = config.app().version().baseline();
        long start = System.nanoTime();
        List<StepResult> results = steps.run("2. Roll back to " + baseline + " (" + deployment.describe() + ")", step -> moved(step,
                deployment.rollBack()));
        if (results == null || !results.stream().allMatch(StepResult::ok)) {
            fail("rolling back failed: " + steps.lastSummary());
            return false;
        }
        Duration target = config.rollback().timeToHealthy();
        VersionWait.Outcome waited = steps.run("3. Wait until healthy on " + baseline + " (target " + Durations.format(target)
                + " from the rollback's start)", step -> waitFor(step, baseline, target, start));
        if (waited != null && waited.reached()) {
            timeToHealthy = since(start);
            return true;
        }
        fail(waited != null && waited.gaveUp()
                ? "the baseline " + baseline + " does not start: its process exited " + Durations.format(since(start))
                + " after the rollback began. " + deployment.lastLogLines()
                : "health did not come back on " + baseline + " within " + Durations.format(target) + " (rollback.timeToHealthy): "
                + steps.lastSummary());
        return false;
    }

    private void rollForward() {
        String candidate = config.app().version().expected();
        long start = System.nanoTime();
        List<StepResult> results = steps.run("6. Roll forward to " + candidate, step -> moved(step, deployment.rollForward()));
        if (results == null || !results.stream().allMatch(StepResult::ok)) {
            fail("rolling forward failed: " + steps.lastSummary());
        } else {
            Duration target = config.rollback().timeToRollForward();
            VersionWait.Outcome waited = steps.run("6. Wait until healthy on " + candidate + " (target " + Durations.format(target)
                    + " from the roll-forward's start)", step -> waitFor(step, candidate, target, start));
            if (waited != null && waited.reached()) {
                timeToRollForward = since(start);
                checks.smoke("6. Smoke checks on the rolled-forward " + candidate, http, candidate);
            } else {
                fail("staging did not come back healthy on " + candidate + " within " + Durations.format(target)
                        + " (rollback.timeToRollForward): " + steps.lastSummary());
            }
        }
    }

    private List<StepResult> moved(DrillSteps.Step step, List<StepResult> results) {
        results.forEach(result -> step.attach(result.name(), "$ " + result.command() + "\n" + result.output()
                + (result.ok() ? "" : "\n" + result.summary())));
        step.summary(String.join("; ", results.stream().map(StepResult::summary).toList()));
        results.stream().filter(result -> !result.ok()).findFirst().ifPresent(result -> step.fail(result.summary()));
        return results;
    }

    private VersionWait.Outcome waitFor(DrillSteps.Step step, String version, Duration target, long start) {
        Duration budget = target.minus(since(start));
        VersionWait.Outcome outcome = VersionWait.await(config.app(), version, budget, deployment::down);
        Duration total = since(start);
        if (outcome.reached()) {
            step.summary("healthy on " + version + " " + Durations.format(total) + " after the start");
        } else {
            step.attach("application log", deployment.lastLogLines());
            step.fail(outcome.gaveUp() ? "the application process exited; last look: " + outcome.lastSeen()
                    : "not healthy on " + version + " " + Durations.format(total) + " after the start; last look: " + outcome.lastSeen());
        }
        return outcome;
    }

    private DrillReport report() {
        FinalState state = steps.run("7. Final state of staging", step -> {
            FinalState seen = new FinalState(config.app().version().expected(), new DeployedVersion(config.app()).look(), touched);
            step.summary(seen.describe()).attach("final state", seen.describe());
            if (!seen.onCandidate()) {
                step.fail(seen.describe());
            }
            return seen;
        });
        if (state == null || !state.onCandidate()) {
            fail(state == null ? "the final state of staging could not be read: " + steps.lastSummary() : state.describe());
        }
        return new DrillReport(deployment.describe(), steps.timings(), failures, proof, backupKept, timeToHealthy,
                timeToRollForward, checks.stagingRestore(), checks.stagingRestoreTime(), checks.rowsLost(), checks.rowsChanged(),
                checks.rowsAdded(), checks.rowsCompared(), state == null ? new FinalState(config.app().version().expected(),
                new DeployedVersion.Seen(false, null, steps.lastSummary()), touched) : state);
    }

    private void fail(String reason) {
        failures.add(masker.mask(reason));
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
