package dev.greenlight.gate;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The confidence intervals the gate judges with. Two-sided, at the criterion's confidence level.
 *
 * <ul>
 *   <li>Rates: the Wilson score interval, which stays inside 0..1 and behaves with zero or few events (the
 *       normal "p ± z·se" interval claims certainty from 0 errors in 10 requests).</li>
 *   <li>Means: mean ± t·sd/√n.</li>
 *   <li>Percentiles: distribution-free, from order statistics. The number of observations below the true
 *       p-quantile is Binomial(n, p); the ranks {@code l = B⁻¹(α/2)} and {@code u = B⁻¹(1 − α/2) + 1} bound it
 *       with at least the asked confidence. With too few observations a bound does not exist (rank 0 or n + 1),
 *       which the gate shows as unbounded — and never as a pass.</li>
 * </ul>
 */
public final class Intervals {

    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    private Intervals() {
    }

    /** The two-sided normal quantile: 1.96 for 0.95. */
    public static double z(double confidence) {
        return NORMAL.inverseCumulativeProbability(1 - (1 - confidence) / 2);
    }

    /** The two-sided Student t quantile with {@code degreesOfFreedom}: 4.30 for 0.95 and 2. */
    public static double t(double confidence, long degreesOfFreedom) {
        return new TDistribution(null, degreesOfFreedom).inverseCumulativeProbability(1 - (1 - confidence) / 2);
    }

    /** Wilson score interval for {@code events} out of {@code samples}, as {@code [low, high]}. */
    public static double[] wilson(long events, long samples, double confidence) {
        if (samples <= 0) {
            return new double[] {0, 1};
        }
        double z = z(confidence);
        double n = samples;
        double p = events / n;
        double z2 = z * z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2 * n)) / denominator;
        double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }

    /**
     * The 1-based ranks of the order statistics bounding the {@code p}-quantile (p in 0..1) of {@code n}
     * observations: {@code [l, u]}; {@code l == 0} means no lower bound, {@code u == n + 1} no upper bound.
     */
    public static long[] quantileRanks(long n, double p, double confidence) {
        if (n <= 0) {
            return new long[] {0, 1};
        }
        double alpha = 1 - confidence;
        BinomialDistribution below = new BinomialDistribution(null, (int) Math.min(n, Integer.MAX_VALUE), p);
        long lower = below.inverseCumulativeProbability(alpha / 2);
        long upper = below.inverseCumulativeProbability(1 - alpha / 2) + 1L;
        return new long[] {Math.max(0, lower), Math.min(n + 1, upper)};
    }
}
