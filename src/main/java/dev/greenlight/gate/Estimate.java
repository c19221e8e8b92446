package dev.greenlight.gate;

import dev.greenlight.evidence.Measurement;

import java.time.Duration;
import java.util.List;

/**
 * What a criterion's evidence says, before it is held against the lines: a value, its interval (equal to the
 * value when it is judged as counted or as observed), how many samples and how long an observation stand behind
 * it, and how the interval was made.
 *
 * @param value    the estimate, in {@code unit}
 * @param low      lower bound of the interval; {@code -Infinity} when there is none
 * @param high     upper bound; {@code +Infinity} when there is none
 * @param unit     unit of value and bounds
 * @param samples  observations it stands on (requests, queries, tests, checks...)
 * @param observed the union of the measurement windows; zero when none were recorded
 * @param method   how the value and its interval were computed, for the reviewer
 * @param notes    further facts worth showing (peaks, skipped tests, ignored lines)
 * @param blockers facts that forbid GO without being a NO-GO (a failed test behind it, a drill over its time)
 * @param used     the measurements it was computed from
 * @param interval whether {@code low..high} is a computed interval (even a degenerate one) rather than the value itself
 */
public record Estimate(double value, double low, double high, String unit, long samples, Duration observed, String method,
                       List<String> notes, List<String> blockers, List<Measurement> used, boolean interval) {

    public Estimate {
        notes = List.copyOf(notes);
        blockers = List.copyOf(blockers);
        used = List.copyOf(used);
        observed = observed == null ? Duration.ZERO : observed;
    }

    /** A value with a computed interval {@code low..high}. */
    public Estimate(double value, double low, double high, String unit, long samples, Duration observed, String method,
                    List<String> notes, List<String> blockers, List<Measurement> used) {
        this(value, low, high, unit, samples, observed, method, notes, blockers, used, true);
    }

    /** A value judged as it is: a count, a census, an observed peak. */
    public static Estimate point(double value, String unit, long samples, Duration observed, String method,
                                 List<String> notes, List<String> blockers, List<Measurement> used) {
        return new Estimate(value, value, value, unit, samples, observed, method, notes, blockers, used, false);
    }

    /** Whether low..high is an interval rather than the value itself. */
    public boolean hasInterval() {
        return interval;
    }

    /** The same estimate with more blockers. */
    public Estimate withBlockers(List<String> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<String> all = new java.util.ArrayList<>(blockers);
        all.addAll(more);
        return new Estimate(value, low, high, unit, samples, observed, method, notes, all, used, interval);
    }
}
