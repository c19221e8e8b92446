package dev.greenlight.soak.stats;

import java.util.Arrays;

/**
 * The Hodges–Lehmann estimate of a paired shift, with the distribution-free confidence interval of the Wilcoxon
 * signed-rank test (Hollander & Wolfe, <i>Nonparametric Statistical Methods</i>, §3.2): the median of the Walsh averages
 * {@code (d_i + d_j) / 2} of the differences, and the order statistics of those averages that the signed-rank
 * distribution puts at the interval's ends. Robust: a slice where one side alone met a stall moves it little, while a
 * shift every slice shares moves it all the way — what a time-matched comparison of two deployments needs.
 *
 * @param estimate the Hodges–Lehmann estimate
 * @param low      lower end of the interval
 * @param high     upper end
 * @param pairs    how many differences it stands on
 */
public record PairedShift(double estimate, double low, double high, int pairs) {

    /** The shift of {@code differences} at {@code confidence} (e.g. 0.95); at least 6 differences are needed for 95 %. */
    public static PairedShift of(double[] differences, double confidence) {
        int n = differences.length;
        if (n == 0) {
            throw new IllegalArgumentException("no paired differences to estimate a shift from");
        }
        double[] walsh = new double[n * (n + 1) / 2];
        int w = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                walsh[w++] = (differences[i] + differences[j]) / 2;
            }
        }
        Arrays.sort(walsh);
        double median = walsh.length % 2 == 1 ? walsh[walsh.length / 2] : (walsh[walsh.length / 2 - 1] + walsh[walsh.length / 2]) / 2;
        int k = lowerRank(n, (1 - confidence) / 2);
        if (k < 1) {
            return new PairedShift(median, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, n);
        }
        return new PairedShift(median, walsh[k - 1], walsh[walsh.length - k], n);
    }

    /**
     * The largest {@code k} with P(T+ &le; k − 1) &le; {@code tail} under no shift, from the exact distribution of the
     * signed-rank statistic T+ (the number of subsets of 1..n by sum); 0 when even the extremes are more likely.
     */
    static int lowerRank(int n, double tail) {
        int max = n * (n + 1) / 2;
        double[] ways = new double[max + 1];
        ways[0] = 1;
        for (int rank = 1; rank <= n; rank++) {
            for (int s = max; s >= rank; s--) {
                ways[s] += ways[s - rank];
            }
        }
        double total = Math.pow(2, n);
        double below = 0;
        int k = 0;
        for (int s = 0; s <= max; s++) {
            below += ways[s] / total;
            if (below > tail) {
                break;
            }
            k = s + 1;
        }
        return k;
    }
}
