package dev.greenlight.soak;

import dev.greenlight.soak.profile.SoakProfile;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * The seed's rollback conditions, watched while the run goes on: an error rate above the limit, or database
 * connections failing, in every interval of a whole window ends the run early with that reason. A single bad
 * interval does not.
 */
public final class AbortRule {

    private final SoakProfile.Abort abort;
    private final int intervals;
    private final Deque<IntervalRecord> window = new ArrayDeque<>();

    /**
     * @param abort    the profile's limits and window
     * @param interval the run's interval; the window spans {@code ceil(window / interval)} intervals, at least one
     */
    public AbortRule(SoakProfile.Abort abort, java.time.Duration interval) {
        this.abort = abort;
        this.intervals = (int) Math.max(1, Math.ceil((double) abort.window().toNanos() / interval.toNanos()));
    }

    /** Adds an interval; the reason to stop when the condition has held for the whole window. */
    public Optional<String> apply(IntervalRecord interval) {
        window.addLast(interval);
        while (window.size() > intervals) {
            window.removeFirst();
        }
        if (window.size() < intervals) {
            return Optional.empty();
        }
        boolean errors = window.stream().allMatch(i -> i.load().finished() > 0 && i.errorRate() > abort.errorRate());
        if (errors) {
            double worst = window.stream().mapToDouble(IntervalRecord::errorRate).min().orElse(0);
            return Optional.of(String.format(java.util.Locale.ROOT,
                    "error rate above %.1f%% in every interval for %s (lowest %.1f%%): rollback condition",
                    abort.errorRate() * 100, dev.greenlight.config.Durations.format(abort.window()), worst * 100));
        }
        boolean connections = abort.dbConnectionFailures()
                && window.stream().allMatch(i -> i.monitor().connectionFailures() > 0);
        if (connections) {
            return Optional.of("database connections failing in every interval for "
                    + dev.greenlight.config.Durations.format(abort.window()) + ": rollback condition");
        }
        return Optional.empty();
    }
}
