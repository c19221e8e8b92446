package dev.greenlight.soak.stats;

import org.apache.commons.math3.distribution.NormalDistribution;

import java.util.Arrays;

/**
 * A robust trend of a time series: the Theil–Sen slope (median of pairwise slopes) with its distribution-free
 * confidence interval, and the Mann–Kendall test of "no monotonic trend". Outliers (a GC pause, one odd scrape)
 * move neither; O(n²) in the number of points, so callers keep series bounded (see {@link BoundedSeries}).
 *
 * @param points  observations used
 * @param slope   Theil–Sen slope, in value units per x unit
 * @param low     lower bound of the slope's confidence interval
 * @param high    upper bound
 * @param kendallS Mann–Kendall statistic S
 * @param pValue  two-sided p-value of the Mann–Kendall test (small: a monotonic trend is there)
 */
public record Trend(int points, double slope, double low, double high, double kendallS, double pValue) {

    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    /** Too few points for a trend. */
    public static Trend none(int points) {
        return new Trend(points, Double.NaN, Double.NaN, Double.NaN, 0, 1.0);
    }

    /**
     * @param x          times (strictly increasing is not required, but equal x pairs are skipped)
     * @param y          values
     * @param confidence e.g. 0.95
     */
    public static Trend of(double[] x, double[] y, double confidence) {
        int n = x.length;
        if (n != y.length) {
            throw new IllegalArgumentException("x and y differ in length");
        }
        if (n < 3) {
            return none(n);
        }
        double[] slopes = new double[n * (n - 1) / 2];
        int count = 0;
        long s = 0;
        for (int i = 0; i < n - 1; i++) {
            for (int j = i + 1; j < n; j++) {
                double dy = y[j] - y[i];
                double dx = x[j] - x[i];
                s += (long) Math.signum(dy) * (long) Math.signum(dx == 0 ? 1 : dx);
                if (dx != 0) {
                    slopes[count++] = dy / dx;
                }
            }
        }
        if (count == 0) {
            return none(n);
        }
        slopes = Arrays.copyOf(slopes, count);
        Arrays.sort(slopes);
        double median = count % 2 == 1 ? slopes[count / 2] : (slopes[count / 2 - 1] + slopes[count / 2]) / 2.0;
        double variance = kendallVariance(y);
        double z = NORMAL.inverseCumulativeProbability(1 - (1 - confidence) / 2);
        double c = z * Math.sqrt(variance);
        int lower = (int) Math.floor((count - c) / 2.0) - 1;
        int upper = (int) Math.ceil((count + c) / 2.0);
        double low = slopes[Math.max(0, Math.min(count - 1, lower))];
        double high = slopes[Math.max(0, Math.min(count - 1, upper))];
        double zs = s > 0 ? (s - 1) / Math.sqrt(variance) : s < 0 ? (s + 1) / Math.sqrt(variance) : 0;
        double p = variance > 0 ? 2 * (1 - NORMAL.cumulativeProbability(Math.abs(zs))) : 1.0;
        return new Trend(n, median, low, high, s, Math.min(1.0, p));
    }

    /** Var(S) under the null hypothesis, corrected for tied values. */
    static double kendallVariance(double[] y) {
        int n = y.length;
        double variance = n * (n - 1.0) * (2 * n + 5);
        double[] sorted = y.clone();
        Arrays.sort(sorted);
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && sorted[j + 1] == sorted[i]) {
                j++;
            }
            int t = j - i + 1;
            if (t > 1) {
                variance -= t * (t - 1.0) * (2 * t + 5);
            }
            i = j + 1;
        }
        return variance / 18.0;
    }

    /** The same trend with slope and bounds multiplied by {@code factor} (a change of units). */
    public Trend scaled(double factor) {
        return new Trend(points, slope * factor, low * factor, high * factor, kendallS, pValue);
    }
}
