package dev.greenlight.gate;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Known values: Wilson intervals as tabulated by Newcombe (1998); quantile ranks as Conover's table and SciPy's binom.ppf. */
@DisplayName("Confidence intervals against known values")
class IntervalsTests {

    @ParameterizedTest(name = "{0} of {1} at {2} → [{3}, {4}]")
    @CsvSource({
            "10, 100,   0.95, 0.055229, 0.174366",
            "0,  100,   0.95, 0.0,      0.036993",
            "1,  10,    0.95, 0.017876, 0.404150",
            "99, 10000, 0.95, 0.008139, 0.012037",
            "10, 100,   0.99, 0.046026, 0.203751"})
    @DisplayName("Wilson score interval")
    void shouldComputeWilsonIntervals(long events, long samples, double confidence, double low, double high) {
        double[] interval = Intervals.wilson(events, samples, confidence);

        assertThat(interval[0]).as("lower bound").isCloseTo(low, within(1e-6));
        assertThat(interval[1]).as("upper bound").isCloseTo(high, within(1e-6));
    }

    @Test
    @DisplayName("normal and t quantiles")
    void shouldComputeQuantiles() {
        assertThat(Intervals.z(0.95)).isCloseTo(1.959964, within(1e-6));
        assertThat(Intervals.z(0.99)).isCloseTo(2.575829, within(1e-6));
        assertThat(Intervals.t(0.95, 2)).isCloseTo(4.302653, within(1e-6));
        assertThat(Intervals.t(0.95, 29)).isCloseTo(2.045230, within(1e-6));
    }

    @ParameterizedTest(name = "p{1} of {0} → ranks {2}..{3}")
    @CsvSource({
            "100,  0.50, 40,  61",   // Conover: the 95 % interval of the median of 100 is X(40)..X(61)
            "1000, 0.95, 936, 964",
            "100,  0.95, 90,  100",
            "1000, 0.99, 983, 997",
            "20,   0.95, 17,  21"})  // rank 21 of 20 does not exist: no upper bound
    @DisplayName("order-statistic ranks bounding a quantile")
    void shouldComputeQuantileRanks(long n, double p, long lower, long upper) {
        assertThat(Intervals.quantileRanks(n, p, 0.95)).containsExactly(lower, upper);
    }

    @Test
    @DisplayName("a rate of zero samples has the widest interval")
    void shouldGiveTheWholeRangeWithoutSamples() {
        assertThat(Intervals.wilson(0, 0, 0.95)).containsExactly(0.0, 1.0);
    }
}
