package dev.greenlight.soak.load;

import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects finished requests for the current interval. One short lock per request keeps counts and
 * histograms exactly consistent (every error is also a histogram sample of the same interval); the histograms
 * are fixed-size, so memory does not grow with the run.
 */
final class LoadAccumulator {


    static final long MAX_MICROS = LoadAccumulatorLimits.MAX_MICROS;

    private final int kinds;
    private final long lateAfterNanos;
    private Histogram corrected = new Histogram(1, MAX_MICROS, 3);
    private Histogram uncorrected = new Histogram(1, MAX_MICROS, 3);
    private long[] outcomes = new long[Outcome.values().length];
    private long[][] perKind;
    private long late;
    private long maxLagNanos;
    private long intervalStart;

    LoadAccumulator(int kinds, long lateAfterNanos, long startNanos) {
        this.kinds = kinds;
        this.lateAfterNanos = lateAfterNanos;
        this.perKind = new long[kinds][2];
        this.intervalStart = startNanos;
    }

    /**
     * @param kind     mix entry, or -1 when none was chosen (a dropped start)
     * @param due      when it was due ({@code System.nanoTime()})
     * @param started  when it was sent, or {@code done} when it never was
     * @param done     when it finished
     */
    synchronized void record(int kind, Outcome outcome, long due, long started, long done) {
        corrected.recordValue(clamp((done - due) / 1000));
        uncorrected.recordValue(clamp((done - started) / 1000));
        outcomes[outcome.ordinal()]++;
        long lag = started - due;
        if (lag > lateAfterNanos) {
            late++;
        }
        if (lag > maxLagNanos) {
            maxLagNanos = lag;
        }
        if (kind >= 0) {
            perKind[kind][0]++;
            if (outcome.error()) {
                perKind[kind][1]++;
            }
        }
    }

    /** Closes the current interval at {@code now} and starts the next. */
    synchronized LoadInterval snapshot(long now) {
        List<long[]> kindsCopy = new ArrayList<>(kinds);
        for (long[] counts : perKind) {
            kindsCopy.add(counts.clone());
        }
        LoadInterval interval = new LoadInterval(intervalStart, now, corrected, uncorrected, outcomes, late,
                maxLagNanos / 1000, List.copyOf(kindsCopy));
        corrected = new Histogram(1, MAX_MICROS, 3);
        uncorrected = new Histogram(1, MAX_MICROS, 3);
        outcomes = new long[Outcome.values().length];
        perKind = new long[kinds][2];
        late = 0;
        maxLagNanos = 0;
        intervalStart = now;
        return interval;
    }

    private static long clamp(long micros) {
        return Math.max(1, Math.min(MAX_MICROS, micros));
    }
}
