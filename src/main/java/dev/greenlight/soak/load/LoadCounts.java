package dev.greenlight.soak.load;

import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What finished requests add up to: both latency histograms, counts per outcome and per mix entry, late starts
 * and the largest start lag. Fixed-size, so memory does not grow with the run. Not thread-safe: one writer at a
 * time ({@link LoadAccumulator} guarantees it).
 */
final class LoadCounts {

    static final long MAX_MICROS = LoadAccumulatorLimits.MAX_MICROS;

    private final long lateAfterNanos;
    private final Histogram corrected = new Histogram(1, MAX_MICROS, 3);
    private final Histogram uncorrected = new Histogram(1, MAX_MICROS, 3);
    private final long[] outcomes = new long[Outcome.values().length];
    private final long[][] perKind;
    private long late;
    private long maxLagNanos;

    LoadCounts(int kinds, long lateAfterNanos) {
        this.lateAfterNanos = lateAfterNanos;
        this.perKind = new long[kinds][2];
    }

    /**
     * @param kind    mix entry, or -1 when none was chosen (a dropped start)
     * @param due     when it was due ({@code System.nanoTime()})
     * @param started when it was sent, or {@code done} when it never was
     * @param done    when it finished
     */
    void record(int kind, Outcome outcome, long due, long started, long done) {
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

    /** Adds everything {@code other} holds. */
    void add(LoadCounts other) {
        corrected.add(other.corrected);
        uncorrected.add(other.uncorrected);
        for (int i = 0; i < outcomes.length; i++) {
            outcomes[i] += other.outcomes[i];
        }
        for (int k = 0; k < perKind.length; k++) {
            perKind[k][0] += other.perKind[k][0];
            perKind[k][1] += other.perKind[k][1];
        }
        late += other.late;
        maxLagNanos = Math.max(maxLagNanos, other.maxLagNanos);
    }

    void reset() {
        corrected.reset();
        uncorrected.reset();
        Arrays.fill(outcomes, 0);
        for (long[] counts : perKind) {
            counts[0] = 0;
            counts[1] = 0;
        }
        late = 0;
        maxLagNanos = 0;
    }

    /** The interval these counts make, handing over the histograms: this object is not to be used afterwards. */
    LoadInterval toInterval(long startNanos, long endNanos) {
        List<long[]> kinds = new ArrayList<>(perKind.length);
        for (long[] counts : perKind) {
            kinds.add(counts.clone());
        }
        return new LoadInterval(startNanos, endNanos, corrected, uncorrected, outcomes.clone(), late, maxLagNanos / 1000,
                List.copyOf(kinds));
    }

    private static long clamp(long micros) {
        return Math.max(1, Math.min(MAX_MICROS, micros));
    }
}
