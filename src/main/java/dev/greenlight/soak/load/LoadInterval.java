package dev.greenlight.soak.load;

import org.HdrHistogram.Histogram;

import java.util.List;

/**
 * What the driver saw between two snapshots. Latencies are in microseconds; {@code corrected} measures each
 * request from when it was due (what a user would have waited), {@code uncorrected} from when it was actually
 * sent (what a naive closed-loop tool reports). Both hold every finished request, errors included.
 *
 * @param startNanos  {@code System.nanoTime()} at the start of the interval
 * @param endNanos    at its end
 * @param corrected   latency from the intended start
 * @param uncorrected latency from the actual start
 * @param outcomes    count per {@link Outcome}, indexed by ordinal
 * @param late        requests started later than the late threshold after they were due
 * @param maxLagMicros largest delay between due and actual start
 * @param perKind     per mix entry: {@code [finished, errors]}
 */
public record LoadInterval(
        long startNanos,
        long endNanos,
        Histogram corrected,
        Histogram uncorrected,
        long[] outcomes,
        long late,
        long maxLagMicros,
        List<long[]> perKind) {

    /** Requests that finished (answered, failed or dropped) in the interval. */
    public long finished() {
        long sum = 0;
        for (long count : outcomes) {
            sum += count;
        }
        return sum;
    }

    /** Finished requests that count as errors. */
    public long errors() {
        long sum = 0;
        for (Outcome outcome : Outcome.values()) {
            if (outcome.error()) {
                sum += outcomes[outcome.ordinal()];
            }
        }
        return sum;
    }

    public long count(Outcome outcome) {
        return outcomes[outcome.ordinal()];
    }

    public double seconds() {
        return (endNanos - startNanos) / 1e9;
    }
}
