package dev.greenlight.gate;

import dev.greenlight.evidence.Measurement;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static dev.greenlight.gate.GateFixtures.T0;
import static dev.greenlight.gate.GateFixtures.judge;
import static dev.greenlight.gate.GateFixtures.latencies;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

@DisplayName("latency-avg < 200 ms and latency-p95 < 500 ms, judged on intervals from the recorded distributions")
class LatencyRulesTests {

    @Test
    @DisplayName("the p95 of 1..1000 ms is 950 ms, bounded by the 936th and 964th values")
    void shouldComputeThePercentileAndItsOrderStatisticInterval() {
        double[] oneToThousand = IntStream.rangeClosed(1, 1000).mapToDouble(i -> i).toArray();
        Measurement m = GateFixtures.latency("latency-p95", T0, Duration.ofHours(24), oneToThousand);

        Estimate e = DistributionEstimates.percentile(GateFixtures.seed("latency-p95"), List.of(m), new ArrayList<>());

        assertThat(e.value()).as("p95").isCloseTo(950, within(0.5));
        assertThat(e.low()).as("lower bound").isCloseTo(936, within(0.5));
        assertThat(e.high()).as("upper bound").isCloseTo(964, within(0.5));
        assertThat(e.samples()).isEqualTo(1000);
    }

    @Test
    @DisplayName("p95: 96 % of requests fast is GO; the tail straddling rank 95 % is HOLD; a slow 10 % is not met")
    void shouldJudgeP95AroundTheLine() {
        assertThat(judge("latency-p95", split(96_000, 4_000)).status())
                .isEqualTo(CriterionStatus.MET);
        CriterionResult straddling = judge("latency-p95", split(94_900, 5_100));
        assertThat(straddling.status()).as(straddling.reason()).isEqualTo(CriterionStatus.UNCERTAIN);
        assertThat(straddling.estimate().low()).isLessThan(500);
        assertThat(straddling.estimate().high()).isGreaterThan(500);
        assertThat(judge("latency-p95", split(90_000, 10_000)).status()).isEqualTo(CriterionStatus.NOT_MET);
    }

    @Test
    @DisplayName("p95 of 20 requests has no upper bound, so it cannot be GO however fast they were")
    void shouldNotPassAPercentileWithoutAnUpperBound() {
        CriterionSpec lenient = new CriterionSpec("latency-p95", "P95", Priority.HIGH, CriterionSpec.Source.EVIDENCE, List.of(),
                Statistic.parse("p95"), Aggregate.MERGE, Threshold.parse("< 500ms"), null, null, 1, null, 0.95, "requests", "");
        Measurement twenty = GateFixtures.latency("latency-p95", T0, Duration.ofMinutes(5), new double[20]);
        Criteria criteria = new Criteria("test", List.of(lenient), null);

        CriterionResult result = GateFixtures.judge(criteria, "latency-p95", List.of(twenty), List.of());

        assertThat(result.estimate().high()).isInfinite();
        assertThat(result.status()).as(result.reason()).isEqualTo(CriterionStatus.UNCERTAIN);
        assertThat(result.reason()).contains("no upper bound");
    }

    @Test
    @DisplayName("mean: 199 ms over 10M requests is GO, 200 ms over 100k is HOLD, 201 ms is not met")
    void shouldJudgeTheMeanAroundTheLine() {
        assertThat(judge("latency-avg", latencies("latency-avg", 5_000_000, 149, 249)).status()).isEqualTo(CriterionStatus.MET);
        CriterionResult atLine = judge("latency-avg", latencies("latency-avg", 50_000, 150, 250));
        assertThat(atLine.status()).as(atLine.reason()).isEqualTo(CriterionStatus.UNCERTAIN);
        assertThat(atLine.estimate().value()).isCloseTo(200, within(0.1));
        assertThat(judge("latency-avg", latencies("latency-avg", 5_000_000, 151, 251)).status()).isEqualTo(CriterionStatus.NOT_MET);
    }

    @Test
    @DisplayName("intervals that disagree widen the mean's interval (batch means), so a drifting soak is not GO")
    void shouldWidenTheMeanIntervalWhenIntervalsDisagree() {
        Measurement morning = latencies("latency-avg", 10_000, 100);
        Measurement noon = latencies("latency-avg", 10_000, 190);
        Measurement evening = latencies("latency-avg", 10_000, 280);

        CriterionResult result = judge("latency-avg", morning, noon, evening);

        assertThat(result.estimate().value()).isCloseTo(190, within(0.5));
        assertThat(result.estimate().high() - result.estimate().low()).as("interval width").isGreaterThan(100);
        assertThat(result.estimate().method()).contains("spread between 3 interval means");
        assertThat(result.status()).isEqualTo(CriterionStatus.UNCERTAIN);
    }

    @Test
    @DisplayName("histograms of several intervals are merged: the p95 is that of all requests together")
    void shouldMergeHistograms() {
        CriterionResult result = judge("latency-p95", latencies("latency-p95", 48_000, 100), latencies("latency-p95", 2_000, 100),
                latencies("latency-p95", 50_000, 300));

        assertThat(result.estimate().samples()).isEqualTo(100_000);
        assertThat(result.estimate().value()).isCloseTo(300, within(0.5));
    }

    /** {@code fast} requests at 100 ms and {@code slow} at 600 ms over a day. */
    private static Measurement split(long fast, long slow) {
        return GateFixtures.stamped(Measurement.of("latency-p95", "GET /feed").distribution(histogram(fast, slow))
                .window(T0, T0.plus(Duration.ofHours(24))));
    }

    private static org.HdrHistogram.Histogram histogram(long fast, long slow) {
        org.HdrHistogram.Histogram h = new org.HdrHistogram.Histogram(3);
        h.recordValueWithCount(100_000, fast);
        h.recordValueWithCount(600_000, slow);
        return h;
    }
}
