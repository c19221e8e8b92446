package dev.greenlight.soak;

import dev.greenlight.soak.load.LoadAccumulatorLimits;
import dev.greenlight.soak.load.Outcome;
import dev.greenlight.soak.stats.BoundedSeries;
import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.List;

/**
 * The whole run so far, in fixed memory: merged latency histograms, outcome counts, and bounded time series (for
 * charts, checkpoints and the memory trend) of what each interval showed. Times are seconds from the start.
 */
public final class RunTotals {

    private static final int POINTS = 1024;
    private static final int MARKERS = 500;

    final Histogram corrected = new Histogram(1, LoadAccumulatorLimits.MAX_MICROS, 3);
    final Histogram uncorrected = new Histogram(1, LoadAccumulatorLimits.MAX_MICROS, 3);
    final long[] outcomes = new long[Outcome.values().length];
    long late;
    long maxLagMicros;
    int intervals;
    final BoundedSeries p50 = BoundedSeries.ofMaximum(POINTS);
    final BoundedSeries p95 = BoundedSeries.ofMaximum(POINTS);
    final BoundedSeries p99 = BoundedSeries.ofMaximum(POINTS);
    final BoundedSeries throughput = BoundedSeries.ofMean(POINTS);
    final BoundedSeries errorRate = BoundedSeries.ofMaximum(POINTS);
    final BoundedSeries cpu = BoundedSeries.ofMean(POINTS);
    final BoundedSeries cpuPeak = BoundedSeries.ofMaximum(POINTS);
    final BoundedSeries poolUsage = BoundedSeries.ofMaximum(POINTS);
    final BoundedSeries poolWaiting = BoundedSeries.ofMaximum(POINTS);
    final BoundedSeries dbQuery = BoundedSeries.ofMean(POINTS);
    final BoundedSeries memory = BoundedSeries.ofMinimum(POINTS);
    final BoundedSeries resident = BoundedSeries.ofMaximum(POINTS);
    final BoundedSeries residentLow = BoundedSeries.ofMinimum(POINTS);
    final List<double[]> checkpoints = new ArrayList<>();
    final List<double[]> incidents = new ArrayList<>();
    double cpuSum;
    double cpuSeconds;
    double cpuMax = Double.NaN;
    double poolPeak = Double.NaN;
    double poolWaitingMax = Double.NaN;
    double dbMillis;
    double dbQueries;

    /** Adds a closed interval; {@code heapMetric} chooses the memory series (live heap, or resident when it is absent). */
    synchronized void add(IntervalRecord r, boolean useHeap) {
        var load = r.load();
        corrected.add(load.corrected());
        uncorrected.add(load.uncorrected());
        for (Outcome outcome : Outcome.values()) {
            outcomes[outcome.ordinal()] += load.count(outcome);
        }
        late += load.late();
        maxLagMicros = Math.max(maxLagMicros, load.maxLagMicros());
        intervals++;
        double t = r.elapsed();
        p50.add(t, r.percentileMillis(50));
        p95.add(t, r.p95Millis());
        p99.add(t, r.percentileMillis(99));
        throughput.add(t, r.throughput());
        errorRate.add(t, r.errorRate() * 100);
        var m = r.monitor();
        cpu.add(t, m.cpu() * 100);
        cpuPeak.add(t, m.cpuPeak() * 100);
        poolUsage.add(t, m.poolUsagePeak() * 100);
        poolWaiting.add(t, m.poolWaitingPeak());
        dbQuery.add(t, m.dbQueryMillis());
        memory.add(t, useHeap ? m.heapMin() : m.residentMin());
        resident.add(t, m.residentMax());
        residentLow.add(t, m.residentMin());
        if (!Double.isNaN(m.cpu())) {
            cpuSum += m.cpu() * load.seconds();
            cpuSeconds += load.seconds();
        }
        cpuMax = max(cpuMax, m.cpuPeak());
        poolPeak = max(poolPeak, m.poolUsagePeak());
        poolWaitingMax = max(poolWaitingMax, m.poolWaitingPeak());
        if (!Double.isNaN(m.dbQueryMillis()) && m.dbQueries() > 0) {
            dbMillis += m.dbQueryMillis() * m.dbQueries();
            dbQueries += m.dbQueries();
        }
    }

    synchronized void checkpoint(double t) {
        if (checkpoints.size() < MARKERS) {
            checkpoints.add(new double[] {t});
        }
    }

    synchronized void incident(double start, double end) {
        if (incidents.size() < MARKERS) {
            incidents.add(new double[] {start, end});
        }
    }

    private static double max(double current, double value) {
        if (Double.isNaN(value)) {
            return current;
        }
        return Double.isNaN(current) ? value : Math.max(current, value);
    }

    public synchronized long finished() {
        long sum = 0;
        for (long count : outcomes) {
            sum += count;
        }
        return sum;
    }

    public synchronized long errors() {
        long sum = 0;
        for (Outcome outcome : Outcome.values()) {
            if (outcome.error()) {
                sum += outcomes[outcome.ordinal()];
            }
        }
        return sum;
    }

    public synchronized long count(Outcome outcome) {
        return outcomes[outcome.ordinal()];
    }

    public synchronized double errorRate() {
        long finished = finished();
        return finished == 0 ? 0 : (double) errors() / finished;
    }

    /** A copy of the merged corrected histogram (µs). */
    public synchronized Histogram latency() {
        return corrected.copy();
    }

    /** A copy of the merged uncorrected histogram (µs). */
    public synchronized Histogram uncorrectedLatency() {
        return uncorrected.copy();
    }

    public synchronized long lateStarts() {
        return late;
    }

    public synchronized double maxStartLagMillis() {
        return maxLagMicros / 1000.0;
    }

    /** Mean CPU over the run as a fraction of one core; NaN when never measured. */
    public synchronized double cpuMean() {
        return cpuSeconds == 0 ? Double.NaN : cpuSum / cpuSeconds;
    }

    public synchronized double cpuPeak() {
        return cpuMax;
    }

    public synchronized double poolPeak() {
        return poolPeak;
    }

    public synchronized double poolWaitingPeak() {
        return poolWaitingMax;
    }

    /** Mean DB query time over the run (ms), weighted by queries; NaN when never measured. */
    public synchronized double dbQueryMean() {
        return dbQueries == 0 ? Double.NaN : dbMillis / dbQueries;
    }

    public synchronized int intervals() {
        return intervals;
    }

    /** The resident-memory series (lowest per window, as the heap's): seconds and bytes, for the memory-rss trend. */
    public synchronized double[][] residentSeries() {
        return new double[][] {residentLow.xs(), residentLow.ys()};
    }

    /** The memory series: seconds and bytes. */
    public synchronized double[][] memorySeries() {
        return new double[][] {memory.xs(), memory.ys()};
    }
}
