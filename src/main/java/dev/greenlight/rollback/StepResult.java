package dev.greenlight.rollback;

import dev.greenlight.config.Durations;

import java.time.Duration;

/**
 * How one rollback or roll-forward step went.
 *
 * @param name     the step's name from the target file
 * @param command  the command as run (masked), or what a built-in step did
 * @param exit     the exit status; null when it did not finish (timed out, or could not start)
 * @param timedOut it was killed at its timeout, with every process it had started
 * @param took     how long it ran
 * @param output   its combined stdout and stderr, masked (the end of it when it was long)
 * @param problem  why it could not start, or what a built-in step reported; null otherwise
 * @param builtIn  a step of the {@code local} target itself (a restart), not a command
 */
public record StepResult(String name, String command, Integer exit, boolean timedOut, Duration took, String output, String problem,
                         boolean builtIn) {

    public boolean ok() {
        return !timedOut && problem == null && (builtIn || exit != null && exit == 0);
    }

    /** Whether the command never ran: its program or working directory is not there (a timeout is not this). */
    public boolean notStarted() {
        return !builtIn && exit == null && !timedOut && problem != null;
    }

    /** {@code deploy: exit 0 in 2.1s}, {@code build: killed after its 10m timeout}, {@code ...: cannot start: ...}. */
    public String summary() {
        if (timedOut) {
            return name + ": killed after its " + Durations.format(took) + " timeout (with every process it started)";
        }
        if (problem != null) {
            return name + ": " + problem;
        }
        return name + (builtIn ? ": done in " : ": exit " + exit + " in ") + Durations.format(took);
    }

    /** A built-in step (e.g. the local target's restart) that succeeded. */
    static StepResult builtIn(String name, String what, Duration took) {
        return new StepResult(name, what, null, false, took, "", null, true);
    }

    /** A built-in step that failed with {@code problem}. */
    static StepResult builtInFailed(String name, String what, Duration took, String problem) {
        return new StepResult(name, what, null, false, took, "", problem, true);
    }
}
