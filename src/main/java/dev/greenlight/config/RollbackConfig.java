package dev.greenlight.config;

import java.time.Duration;
import java.util.List;

/**
 * The rollback drill: how to roll back to the baseline and forward again, and how fast it must be.
 *
 * @param steps             commands that roll back (run without a shell unless a step says {@code sh -c}); on a
 *                          {@code local} target they run before the built-in restart with the baseline
 * @param forwardSteps      commands that roll forward to the candidate (on {@code local}: before the built-in restart)
 * @param stepTimeout       how long one step may run before it is killed, with every process it started
 * @param timeToHealthy     the drill's target: rollback started to baseline healthy (also how long the drill waits)
 * @param timeToRollForward the target for rolling forward: forward started to candidate healthy (and the wait's bound)
 * @param timeToRestore     the target for restoring the backup into a database
 * @param maxBackupMb       the largest acceptable backup, in MiB; 0 (the default) sets no limit
 * @param restoreDatabase   whether rolling back needs the database restored from the backup; the drill restores over
 *                          the configured database only when {@code database.allowDestructive} names it
 * @param restoreUser       the role that restores over the configured database (Greenlight's own is read-only);
 *                          the {@code local} target uses its database owner
 * @param restorePassword   its password, only as {@code ${ENV_VAR}}
 * @param keepBackup        keep the backup file in the run's evidence directory after the drill (default: delete it,
 *                          its size and SHA-256 stay in the evidence)
 * @param enabled           false skips the drill with that reason (e.g. a shared staging nobody may restart)
 */
public record RollbackConfig(
        List<Step> steps,
        List<Step> forwardSteps,
        Duration stepTimeout,
        Duration timeToHealthy,
        Duration timeToRollForward,
        Duration timeToRestore,
        Long maxBackupMb,
        Boolean restoreDatabase,
        String restoreUser,
        Secret restorePassword,
        Boolean keepBackup,
        Boolean enabled) {

    public RollbackConfig {
        steps = steps == null ? List.of() : List.copyOf(steps);
        forwardSteps = forwardSteps == null ? List.of() : List.copyOf(forwardSteps);
        stepTimeout = stepTimeout == null ? Duration.ofMinutes(10) : stepTimeout;
        timeToHealthy = timeToHealthy == null ? Duration.ofMinutes(15) : timeToHealthy;
        timeToRollForward = timeToRollForward == null ? Duration.ofMinutes(15) : timeToRollForward;
        timeToRestore = timeToRestore == null ? Duration.ofMinutes(30) : timeToRestore;
        maxBackupMb = maxBackupMb == null ? 0L : maxBackupMb;
        restoreDatabase = restoreDatabase != null && restoreDatabase;
        restoreUser = restoreUser == null ? "" : restoreUser;
        keepBackup = keepBackup != null && keepBackup;
        enabled = enabled == null || enabled;
        if (maxBackupMb < 0) {
            throw new ConfigException("rollback.maxBackupMb must be 0 (no limit) or more, was " + maxBackupMb);
        }
    }

    /** The defaults: no steps, the targets above. */
    public RollbackConfig(List<Step> steps, List<Step> forwardSteps, Duration stepTimeout, Duration timeToHealthy,
                          Boolean restoreDatabase, Boolean enabled) {
        this(steps, forwardSteps, stepTimeout, timeToHealthy, null, null, null, restoreDatabase, null, null, null, enabled);
    }

    /**
     * @param name    what the step does, for the report
     * @param command the command and its arguments; {@code {baseUrl}}, {@code {baseline}} and {@code {candidate}} are
     *                replaced by {@code app.baseUrl}, {@code app.version.baseline} and {@code app.version.expected}
     * @param timeout this step's own timeout, else {@code stepTimeout}
     * @param workDir where to run it
     */
    public record Step(String name, List<String> command, Duration timeout, String workDir) {
        public Step {
            command = command == null ? List.of() : List.copyOf(command);
            if (command.isEmpty() || command.get(0).isBlank()) {
                throw new ConfigException("a rollback step needs a command, e.g. command: [npm, run, build]"
                        + (name == null ? "" : " (step '" + name + "')"));
            }
            name = name == null ? String.join(" ", command) : name;
        }
    }
}
