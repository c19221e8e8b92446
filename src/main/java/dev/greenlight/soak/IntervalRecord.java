package dev.greenlight.soak;

import dev.greenlight.soak.load.LoadInterval;
import dev.greenlight.soak.monitor.MonitorSummary;

import java.time.Instant;

/**
 * One closed interval of a soak run: what the load saw and what monitoring saw, with its place in the run.
 *
 * @param index   0-based
 * @param from    wall-clock start
 * @param to      wall-clock end
 * @param elapsed seconds from the start of the run to the end of this interval
 * @param load    the driver's side
 * @param monitor the target's and the database's side
 */
public record IntervalRecord(int index, Instant from, Instant to, double elapsed, LoadInterval load, MonitorSummary monitor) {

    public double errorRate() {
        long finished = load.finished();
        return finished == 0 ? 0 : (double) load.errors() / finished;
    }

    /** Mean latency from the intended start, ms; NaN with no requests. */
    public double meanMillis() {
        return load.corrected().getTotalCount() == 0 ? Double.NaN : load.corrected().getMean() / 1000.0;
    }

    /** p95 latency from the intended start, ms; NaN with no requests. */
    public double p95Millis() {
        return percentileMillis(95);
    }

    public double percentileMillis(double percentile) {
        return load.corrected().getTotalCount() == 0 ? Double.NaN : load.corrected().getValueAtPercentile(percentile) / 1000.0;
    }

    /** Finished requests per second. */
    public double throughput() {
        double seconds = load.seconds();
        return seconds <= 0 ? 0 : load.finished() / seconds;
    }
}
