package dev.greenlight.config;

import java.time.Duration;
import java.util.List;

/**
 * The rollback drill: how to roll back to the baseline and forward again, and how fast it must be.
 *
 * @param steps              commands that roll back (run without a shell unless a step says {@code sh -c})
 * @param forwardSteps       commands that roll forward to the candidate
 * @param stepTimeout        how long one step may run before it is killed
 * @param timeToHealthy      the drill's target: rollback started to baseline healthy
 * @param restoreDatabase    whether rolling back needs the database restored from the backup
 * @param enabled            false skips the drill with that reason (e.g. a shared staging nobody may restart)
 */
public record RollbackConfig(
        List<Step> steps,
        List<Step> forwardSteps,
        Duration stepTimeout,
        Duration timeToHealthy,
        Boolean restoreDatabase,
        Boolean enabled) {

    public RollbackConfig {
        steps = steps == null ? List.of() : List.copyOf(steps);
        forwardSteps = forwardSteps == null ? List.of() : List.copyOf(forwardSteps);
        stepTimeout = stepTimeout == null ? Duration.ofMinutes(10) : stepTimeout;
        timeToHealthy = timeToHealthy == null ? Duration.ofMinutes(15) : timeToHealthy;
        restoreDatabase = restoreDatabase != null && restoreDatabase;
        enabled = enabled == null || enabled;
    }

    /**
     * @param name    what the step does, for the report
     * @param command the command and its arguments
     * @param timeout this step's own timeout, else {@code stepTimeout}
     * @param workDir where to run it
     */
    public record Step(String name, List<String> command, Duration timeout, String workDir) {
        public Step {
            command = command == null ? List.of() : List.copyOf(command);
            name = name == null ? String.join(" ", command) : name;
        }
    }
}
