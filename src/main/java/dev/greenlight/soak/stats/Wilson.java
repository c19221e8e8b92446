package dev.greenlight.soak.stats;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The Wilson score interval of a proportion (errors out of requests): the interval the gate judges a rate by, so a
 * rollback condition checked while the run goes on uses the same arithmetic as the verdict afterwards.
 */
public final class Wilson {

    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    private Wilson() {
    }

    /** Lower bound of the two-sided interval at {@code confidence} (e.g. 0.99); 0 with no trials. */
    public static double low(long events, long trials, double confidence) {
        return bound(events, trials, confidence, -1);
    }

    /** Upper bound of the two-sided interval at {@code confidence}; 1 with no trials. */
    public static double high(long events, long trials, double confidence) {
        return bound(events, trials, confidence, +1);
    }

    private static double bound(long events, long trials, double confidence, int sign) {
        if (trials <= 0) {
            return sign < 0 ? 0 : 1;
        }
        double z = NORMAL.inverseCumulativeProbability(1 - (1 - confidence) / 2);
        double n = trials;
        double p = events / n;
        double centre = p + z * z / (2 * n);
        double spread = z * Math.sqrt(p * (1 - p) / n + z * z / (4 * n * n));
        return Math.max(0, Math.min(1, (centre + sign * spread) / (1 + z * z / n)));
    }
}
