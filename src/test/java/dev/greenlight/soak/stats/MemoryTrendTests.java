package dev.greenlight.soak.stats;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Memory trend: a steady leak is a trend, a cache that levels off is not")
class MemoryTrendTests {

    private static final int POINTS = 60;

    private static double[] times() {
        double[] t = new double[POINTS];
        for (int i = 0; i < POINTS; i++) {
            t[i] = i * 10.0;
        }
        return t;
    }

    @Test
    @DisplayName("a heap growing 1 MB a minute under noise has a settled slope near 60 MB/h, wholly above zero")
    void shouldFindSteadyGrowth() {
        Random noise = new Random(1);
        double[] t = times();
        double[] heap = new double[POINTS];
        for (int i = 0; i < POINTS; i++) {
            heap[i] = 50e6 + t[i] * (1e6 / 60) + noise.nextGaussian() * 300e3;
        }
        MemoryTrend trend = MemoryTrend.of(t, heap, 30, 0.95);

        assertThat(trend.settled().slope()).as("settled slope MB/h").isBetween(40.0, 80.0);
        assertThat(trend.settled().low()).as("lower bound of the slope").isPositive();
        assertThat(trend.settled().pValue()).as("Mann–Kendall p").isLessThan(0.01);
        assertThat(trend.levelled()).as("levelled off").isFalse();
    }

    @Test
    @DisplayName("a cache that fills in the first minutes and then stays flat is flat where it is judged")
    void shouldTellALevelledCacheFromALeak() {
        Random noise = new Random(2);
        double[] t = times();
        double[] heap = new double[POINTS];
        for (int i = 0; i < POINTS; i++) {
            heap[i] = 50e6 + Math.min(t[i], 250) * 32_000 + noise.nextGaussian() * 300e3;
        }
        MemoryTrend trend = MemoryTrend.of(t, heap, 30, 0.95);

        assertThat(trend.early().low()).as("growth while the cache filled").isPositive();
        assertThat(trend.settled().low()).as("lower bound of the settled slope").isLessThanOrEqualTo(0);
        assertThat(trend.settled().high()).as("upper bound of the settled slope").isGreaterThanOrEqualTo(0);
        assertThat(trend.levelled()).as("levelled off").isTrue();
    }

    @Test
    @DisplayName("one outlier (a heap snapshot mid-collection) does not make a flat series a leak")
    void shouldIgnoreAnOutlier() {
        double[] t = times();
        double[] heap = new double[POINTS];
        java.util.Arrays.fill(heap, 80e6);
        heap[POINTS - 1] = 400e6;
        MemoryTrend trend = MemoryTrend.of(t, heap, 0, 0.95);

        assertThat(trend.settled().slope()).as("slope with one outlier").isZero();
    }
}
