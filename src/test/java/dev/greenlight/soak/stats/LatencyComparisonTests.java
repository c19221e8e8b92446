package dev.greenlight.soak.stats;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Baseline comparison: ratios with intervals from interval blocks, and a rank test")
class LatencyComparisonTests {

    private static List<Histogram> run(long seed, double factor) {
        Random random = new Random(seed);
        List<Histogram> intervals = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Histogram h = new Histogram(1, 3_600_000_000L, 3);
            for (int r = 0; r < 500; r++) {
                h.recordValue(Math.round(factor * (2000 + Math.exp(random.nextGaussian() * 0.6) * 3000)));
            }
            intervals.add(h);
        }
        return intervals;
    }

    @Test
    @DisplayName("two runs of the same service compare at about 1, the interval covering 1")
    void shouldFindNoDifferenceBetweenEqualRuns() {
        LatencyComparison c = LatencyComparison.of(run(1, 1.0), run(2, 1.0), 1000, 0.95, 7);

        assertThat(c.meanRatio()).as("mean ratio").isBetween(0.95, 1.05);
        assertThat(c.meanLow()).as("mean ratio lower bound").isLessThanOrEqualTo(1.0);
        assertThat(c.meanHigh()).as("mean ratio upper bound").isGreaterThanOrEqualTo(1.0);
        assertThat(c.p95Low()).as("p95 ratio lower bound").isLessThanOrEqualTo(1.02);
        assertThat(c.rankP()).as("rank test p").isGreaterThan(0.01);
    }

    @Test
    @DisplayName("a candidate 30 % slower compares at about 1.3, wholly above 1.2, and the rank test sees it")
    void shouldMeasureA30PercentSlowdown() {
        LatencyComparison c = LatencyComparison.of(run(1, 1.0), run(2, 1.3), 1000, 0.95, 7);

        assertThat(c.meanRatio()).as("mean ratio").isBetween(1.25, 1.35);
        assertThat(c.meanLow()).as("mean ratio lower bound").isGreaterThan(1.2);
        assertThat(c.p95Ratio()).as("p95 ratio").isBetween(1.2, 1.4);
        assertThat(c.rankP()).as("rank test p").isLessThan(1e-6);
    }
}
