package dev.greenlight.soak.stats;

/**
 * Whether memory keeps growing, from a leak-robust series (the minimum of the heap per window approximates the
 * heap after collection). Only points after the warm-up count. The judged trend is that of the later half of
 * them ({@code settled}): a leak grows there as it did before, while a cache that filled up early and levelled
 * off is flat there — the earlier half ({@code early}) is kept to tell the two apart in the report.
 *
 * @param settled  the trend of the later half, in MB per hour: what the gate judges
 * @param whole    the trend of every point after warm-up, in MB per hour
 * @param early    the trend of the earlier half, in MB per hour
 * @param levelled true when the earlier half grew (interval above zero) and the later half did not
 */
public record MemoryTrend(Trend settled, Trend whole, Trend early, boolean levelled) {

    /** Bytes per second to MB (10^6 bytes) per hour. */
    public static final double BYTES_PER_SECOND_TO_MB_PER_HOUR = 3600.0 / 1_000_000.0;

    /** Fewest points after warm-up for each half to have a trend. */
    public static final int MIN_POINTS = 6;

    /**
     * @param seconds       times since the start of the run
     * @param bytes         memory at those times
     * @param warmUpSeconds points before this are left out
     * @param confidence    of the slope intervals, e.g. 0.95
     */
    public static MemoryTrend of(double[] seconds, double[] bytes, double warmUpSeconds, double confidence) {
        int start = 0;
        while (start < seconds.length && seconds[start] < warmUpSeconds) {
            start++;
        }
        int n = seconds.length - start;
        double[] x = java.util.Arrays.copyOfRange(seconds, start, seconds.length);
        double[] y = java.util.Arrays.copyOfRange(bytes, start, bytes.length);
        Trend whole = Trend.of(x, y, confidence).scaled(BYTES_PER_SECOND_TO_MB_PER_HOUR);
        if (n < 2 * MIN_POINTS) {
            return new MemoryTrend(whole, whole, Trend.none(0), false);
        }
        int half = n / 2;
        Trend early = Trend.of(java.util.Arrays.copyOfRange(x, 0, half), java.util.Arrays.copyOfRange(y, 0, half), confidence)
                .scaled(BYTES_PER_SECOND_TO_MB_PER_HOUR);
        Trend settled = Trend.of(java.util.Arrays.copyOfRange(x, half, n), java.util.Arrays.copyOfRange(y, half, n), confidence)
                .scaled(BYTES_PER_SECOND_TO_MB_PER_HOUR);
        boolean levelled = early.low() > 0 && !(settled.low() > 0);
        return new MemoryTrend(settled, whole, early, levelled);
    }
}
