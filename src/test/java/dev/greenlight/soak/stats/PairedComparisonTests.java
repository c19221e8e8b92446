package dev.greenlight.soak.stats;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Time-matched comparison: machine noise that hits both runs in a slice cancels when slices are paired")
class PairedComparisonTests {

    /** Slice noise shared by both runs (another job on the machine), 30 slices, a few slow ones among them. */
    private static final double[] MACHINE = new double[30];

    static {
        Random random = new Random(11);
        for (int i = 0; i < MACHINE.length; i++) {
            MACHINE[i] = Math.exp(random.nextGaussian() * 0.25) * (i % 9 == 4 ? 1.8 : 1.0);
        }
    }

    private static List<Histogram> run(long seed, double factor, int from) {
        Random random = new Random(seed);
        List<Histogram> slices = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            Histogram h = new Histogram(1, 3_600_000_000L, 3);
            for (int r = 0; r < 200; r++) {
                h.recordValue(Math.round(factor * MACHINE[from + i] * (100_000 + random.nextGaussian() * 8_000)));
            }
            slices.add(h);
        }
        return slices;
    }

    @Test
    @DisplayName("candidate 4 % slower, both side by side: paired, the interval is narrow and wholly below the 10 % GO line")
    void shouldResolveASmallChangeWhenTheRunsArePaired() {
        LatencyComparison paired = LatencyComparison.paired(run(1, 1.0, 0), run(2, 1.04, 0), 2000, 0.95, 7);
        LatencyComparison unpaired = LatencyComparison.of(run(1, 1.0, 0), run(2, 1.04, 0), 2000, 0.95, 7);

        assertThat(paired.meanRatio()).as("mean ratio").isBetween(1.03, 1.05);
        assertThat(paired.meanHigh() - paired.meanLow()).as("paired interval width, against the unpaired %.3f–%.3f",
                unpaired.meanLow(), unpaired.meanHigh()).isLessThan((unpaired.meanHigh() - unpaired.meanLow()) / 4);
        assertThat(paired.meanHigh()).as("paired upper bound").isLessThan(1.10);
        assertThat(paired.meanLow()).as("paired lower bound: the 4 %% is seen").isGreaterThan(1.0);
    }

    @Test
    @DisplayName("runs measured at different times carry the machine's different minutes: the historical ratio is off")
    void shouldShowWhyAHistoricalBaselineNeedsTheSpread() {
        LatencyComparison historical = LatencyComparison.of(run(1, 1.0, 0), run(2, 1.0, 15), 2000, 0.95, 7);
        LatencyComparison widened = historical.widenedBy(0.15);

        assertThat(Math.abs(historical.meanRatio() - 1)).as("a healthy candidate against a baseline of other minutes, %.3f",
                historical.meanRatio()).isGreaterThan(0.03);
        assertThat(widened.meanRatio()).isEqualTo(historical.meanRatio());
        assertThat(widened.meanLow()).as("widened lower bound: wider, and at least the spread").isLessThan(historical.meanLow())
                .isLessThanOrEqualTo(historical.meanRatio() / 1.15);
        assertThat(widened.meanHigh()).as("widened upper bound: wider, and at least the spread").isGreaterThan(historical.meanHigh())
                .isGreaterThanOrEqualTo(historical.meanRatio() * 1.15);
    }

    @Test
    @DisplayName("slices missing on one side (a run cut short) are left out of both")
    void shouldCompareOnlySlicesBothRunsHave() {
        List<Histogram> candidate = new ArrayList<>(run(2, 1.3, 0).subList(0, 10));
        candidate.set(3, new Histogram(1, 3_600_000_000L, 3));

        LatencyComparison paired = LatencyComparison.paired(run(1, 1.0, 0), candidate, 500, 0.95, 7);

        assertThat(paired.candidateCount()).isEqualTo(9 * 200);
        assertThat(paired.baselineCount()).isEqualTo(9 * 200);
        assertThat(paired.meanLow()).isGreaterThan(1.25);
    }
}
