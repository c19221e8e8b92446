package dev.greenlight.target;

import dev.greenlight.config.AppConfig;
import dev.greenlight.config.Durations;
import org.awaitility.core.ConditionTimeoutException;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.awaitility.Awaitility;

/**
 * Waits, bounded by {@code app.readiness.timeout}, until the target's health endpoint says ok. A target that
 * answers but is not healthy by then is either refused ({@link Mode#HEALTHY}: an app Greenlight started itself)
 * or accepted as reachable-but-unhealthy ({@link Mode#ANSWERING}: a deployment whose health the smoke suite
 * must report); one that never answers at all is always refused.
 */
public final class Readiness {

    private Readiness() {
    }

    /** What readiness requires. */
    public enum Mode {
        /** Health must say ok. */
        HEALTHY,
        /** The application must answer; an unhealthy answer is reported, not refused. */
        ANSWERING
    }

    /**
     * How waiting ended.
     *
     * @param took     how long it took
     * @param healthy  health said ok
     * @param lastSeen the last probe's observation
     */
    public record Outcome(Duration took, boolean healthy, String lastSeen) {
    }

    /**
     * Returns once the health endpoint is ok.
     *
     * @param targetName for the message
     * @param app        where and how to ask
     * @param gaveUp     true when waiting longer is pointless (the process died); checked before every probe
     * @param diagnosis  what to add to the failure message: the app's last log lines
     * @param mode       whether an answering but unhealthy target is accepted
     * @return how waiting ended
     * @throws TargetNotReadyException naming the timeout, the last thing the probe saw and the diagnosis
     */
    public static Outcome await(String targetName, AppConfig app, BooleanSupplier gaveUp, Supplier<String> diagnosis, Mode mode) {
        HealthProbe probe = new HealthProbe(app);
        // a probe cut short by the timeout says nothing about the target: the last completed probe is what was seen
        AtomicReference<HealthProbe.Result> last = new AtomicReference<>(new HealthProbe.Result(false, false, "no answer yet"));
        long started = System.nanoTime();
        Duration timeout = app.readiness().timeout();
        try {
            Awaitility.await("target '" + targetName + "' ready")
                    .atMost(timeout)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(app.readiness().poll())
                    .failFast("the application process exited", gaveUp::getAsBoolean)
                    .until(() -> {
                        HealthProbe.Result result = probe.check();
                        if (!Thread.currentThread().isInterrupted()) {
                            last.set(result);
                        }
                        return result.ok();
                    });
            return new Outcome(Duration.ofNanos(System.nanoTime() - started), true, last.get().observation());
        } catch (ConditionTimeoutException e) {
            if (mode == Mode.ANSWERING && last.get().answered()) {
                return new Outcome(Duration.ofNanos(System.nanoTime() - started), false, last.get().observation());
            }
            throw new TargetNotReadyException("target '" + targetName + "' did not become ready within "
                    + Durations.format(timeout) + " (app.readiness.timeout). Last health check: " + last.get().observation()
                    + "." + diagnosis.get());
        } catch (org.awaitility.core.TerminalFailureException e) {
            throw new TargetNotReadyException("target '" + targetName + "' stopped before it became ready: the application process exited. Last health check: "
                    + last.get().observation() + "." + diagnosis.get());
        }
    }
}
