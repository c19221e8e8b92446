package dev.greenlight.soak.monitor;

/**
 * One scrape of the target's Prometheus text, reduced to what the soak watches. A metric the target does not
 * expose is NaN; a failed scrape has {@code ok == false} and only its {@code failure}.
 *
 * @param nanos              {@code System.nanoTime()} of the scrape
 * @param epochMillis        wall-clock time of the scrape
 * @param ok                 whether the scrape answered 200 with text
 * @param failure            why not, when not
 * @param residentBytes      resident memory
 * @param heapBytes          live heap
 * @param cpuSeconds         CPU seconds used so far (a counter)
 * @param poolMax            pool size
 * @param poolTotal          connections open
 * @param poolIdle           connections idle
 * @param poolWaiting        clients waiting for a connection
 * @param connectionErrors   failed DB connection attempts so far (a counter)
 * @param dbQuerySeconds     total seconds of DB queries so far (histogram sum)
 * @param dbQueryCount       DB queries so far (histogram count)
 */
public record TargetReading(
        long nanos,
        long epochMillis,
        boolean ok,
        String failure,
        double residentBytes,
        double heapBytes,
        double cpuSeconds,
        double poolMax,
        double poolTotal,
        double poolIdle,
        double poolWaiting,
        double connectionErrors,
        double dbQuerySeconds,
        double dbQueryCount) {

    /** A scrape that failed. */
    public static TargetReading failed(long nanos, long epochMillis, String failure) {
        return new TargetReading(nanos, epochMillis, false, failure, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    /** Connections in use: open minus idle; NaN when either is unknown. */
    public double poolInUse() {
        return poolTotal - poolIdle;
    }

    /** (in use + waiting) / pool size; NaN when the pool is not exposed. */
    public double poolUsage() {
        if (!(poolMax > 0)) {
            return Double.NaN;
        }
        double waiting = Double.isNaN(poolWaiting) ? 0 : poolWaiting;
        return (poolInUse() + waiting) / poolMax;
    }
}
