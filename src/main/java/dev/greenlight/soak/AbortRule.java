package dev.greenlight.soak;

import dev.greenlight.config.Durations;
import dev.greenlight.soak.profile.SoakProfile;
import dev.greenlight.soak.stats.Wilson;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;

/**
 * The seed's rollback conditions, watched while the run goes on. Errors end the run early when they are sustained
 * (every interval of the window had some) and surely above the limit: the Wilson lower bound at
 * {@code abort.confidence} of the error rate over the window, or over the whole run so far, is above it. "Surely"
 * because the gate judges the same evidence by the same interval, and a run stopped for a rollback the evidence
 * cannot show would waste the soak; the whole run counts too because a steady error rate just above the limit
 * needs more requests than one window holds to be told from the limit. Database connections failing in every
 * interval of the window also end it. A single bad interval never does.
 */
public final class AbortRule {

    private final SoakProfile.Abort abort;
    private final int intervals;
    /** Per interval of the window: errors, finished requests, DB connection failures (not the interval itself,
     * whose histograms would cost a few hundred KB each over a long window). */
    private final Deque<long[]> window = new ArrayDeque<>();
    private long runErrors;
    private long runFinished;

    /**
     * @param abort    the profile's limits, window and confidence
     * @param interval the run's interval; the window spans {@code ceil(window / interval)} intervals, at least one
     */
    public AbortRule(SoakProfile.Abort abort, Duration interval) {
        this.abort = abort;
        this.intervals = (int) Math.max(1, Math.ceil((double) abort.window().toNanos() / interval.toNanos()));
    }

    /** Adds an interval; the reason to stop when a rollback condition holds. */
    public Optional<String> apply(IntervalRecord interval) {
        runErrors += interval.load().errors();
        runFinished += interval.load().finished();
        window.addLast(new long[] {interval.load().errors(), interval.load().finished(), interval.monitor().connectionFailures()});
        while (window.size() > intervals) {
            window.removeFirst();
        }
        if (window.size() < intervals) {
            return Optional.empty();
        }
        Optional<String> errors = errors();
        if (errors.isPresent()) {
            return errors;
        }
        boolean connections = abort.dbConnectionFailures()
                && window.stream().allMatch(counts -> counts[2] > 0);
        if (connections) {
            return Optional.of("database connections failing in every interval for "
                    + Durations.format(abort.window()) + ": rollback condition");
        }
        return Optional.empty();
    }

    private Optional<String> errors() {
        boolean sustained = window.stream().allMatch(counts -> counts[0] > 0);
        if (!sustained) {
            return Optional.empty();
        }
        long errors = window.stream().mapToLong(counts -> counts[0]).sum();
        long finished = window.stream().mapToLong(counts -> counts[1]).sum();
        String over;
        long e;
        long n;
        if (Wilson.low(errors, finished, abort.confidence()) > abort.errorRate()) {
            over = "the last " + Durations.format(abort.window());
            e = errors;
            n = finished;
        } else if (Wilson.low(runErrors, runFinished, abort.confidence()) > abort.errorRate()) {
            over = "the run so far";
            e = runErrors;
            n = runFinished;
        } else {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT,
                "error rate surely above %.1f%% over %s (%d of %d requests, %.2f%%, %.0f%% lower bound %.2f%%), "
                        + "with errors in every interval of %s: rollback condition",
                abort.errorRate() * 100, over, e, n, 100.0 * e / n, abort.confidence() * 100,
                Wilson.low(e, n, abort.confidence()) * 100, Durations.format(abort.window())));
    }
}
