package dev.greenlight.rollback;

import dev.greenlight.config.AppConfig;
import dev.greenlight.config.Durations;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * Waits, bounded by a time target, until the deployment is healthy and reports a given version: the drill's
 * "health back, on the baseline" and "health back, on the candidate". Gives up at once when waiting is pointless
 * (the process it started has exited).
 */
public final class VersionWait {

    private VersionWait() {
    }

    /**
     * How waiting ended.
     *
     * @param reached  healthy on the version in time
     * @param gaveUp   stopped early because the deployment cannot come up (its process exited)
     * @param took     how long it waited
     * @param lastSeen the last look, in words
     */
    public record Outcome(boolean reached, boolean gaveUp, Duration took, String lastSeen) {

        /** One line for the report. */
        public String describe(String version, Duration budget) {
            if (reached) {
                return "healthy on " + version + " after " + Durations.format(took);
            }
            return (gaveUp ? "gave up after " + Durations.format(took) + ": the application process exited"
                    : "not healthy on " + version + " within " + Durations.format(budget)) + ". Last look: " + lastSeen;
        }
    }

    /**
     * Waits up to {@code budget} (at least one look, even when the budget is already spent).
     *
     * @param gaveUp true when waiting longer is pointless; checked before every look
     */
    public static Outcome await(AppConfig app, String version, Duration budget, BooleanSupplier gaveUp) {
        DeployedVersion deployed = new DeployedVersion(app);
        // a look cut short by the timeout says nothing about the target: the last completed look is what was seen
        AtomicReference<DeployedVersion.Seen> last = new AtomicReference<>(new DeployedVersion.Seen(false, null, "no look yet"));
        long start = System.nanoTime();
        if (budget.compareTo(app.readiness().poll()) <= 0) {
            DeployedVersion.Seen seen = deployed.look();
            return new Outcome(seen.runs(version), false, since(start), seen.observation());
        }
        try {
            Awaitility.await("healthy on " + version)
                    .atMost(budget)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(app.readiness().poll())
                    .failFast("the application process exited", gaveUp::getAsBoolean)
                    .until(() -> {
                        DeployedVersion.Seen seen = deployed.look();
                        if (!Thread.currentThread().isInterrupted()) {
                            last.set(seen);
                        }
                        return seen.runs(version);
                    });
            return new Outcome(true, false, since(start), last.get().observation());
        } catch (ConditionTimeoutException e) {
            return new Outcome(false, false, since(start), last.get().observation());
        } catch (TerminalFailureException e) {
            return new Outcome(false, true, since(start), last.get().observation());
        }
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
