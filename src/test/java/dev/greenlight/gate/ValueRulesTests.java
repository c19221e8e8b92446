package dev.greenlight.gate;

import dev.greenlight.evidence.Measurement;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.greenlight.gate.GateFixtures.judge;
import static dev.greenlight.gate.GateFixtures.stamped;
import static dev.greenlight.gate.GateFixtures.value;
import static dev.greenlight.gate.GateFixtures.withInterval;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

@DisplayName("Baseline, memory, pool, CPU and DB query criteria")
class ValueRulesTests {

    @ParameterizedTest(name = "ratio {0} ({1}..{2}) → {3}")
    @CsvSource({
            "1.05,  1.03,  1.08,  MET",
            "1.099, 1.095, 1.0999, MET",
            "1.10,  1.09,  1.11,  UNCERTAIN",
            "1.101, 1.1005, 1.102, NOT_MET",
            "1.21,  1.205, 1.22,  NO_GO",
            "1.50,  1.45,  1.55,  NO_GO",
            "1.51,  1.505, 1.52,  ROLLBACK",
            "0.80,  0.75,  0.85,  MET"})
    @DisplayName("baseline: within 10 % GO, degraded > 20 % NO-GO, > 50 % ROLLBACK, on the suite's interval")
    void shouldJudgeTheBaselineRatio(double ratio, double low, double high, CriterionStatus expected) {
        CriterionResult result = judge("baseline", withInterval("baseline", ratio, low, high, "ratio", 1000));

        assertThat(result.status()).as(result.reason()).isEqualTo(expected);
    }

    @Test
    @DisplayName("baseline: each ratio is judged alone and the worst decides")
    void shouldLetTheWorstBaselineRatioDecide() {
        CriterionResult result = judge("baseline", ratio("mean latency vs baseline", 1.02, 1.0, 1.04),
                ratio("p95 latency vs baseline", 1.25, 1.22, 1.28));

        assertThat(result.status()).isEqualTo(CriterionStatus.NO_GO);
        assertThat(result.reason()).contains("+25", "worst of 2 measurements: 'p95 latency vs baseline'");
    }

    @ParameterizedTest(name = "slope {0} {4} ({1}..{2}) → {3}")
    @CsvSource({
            "0.1,  -0.5, 0.6,  MET,       MB/h",
            "4,    2,    7,    UNCERTAIN, MB/h",
            "12,   9,    15,   NO_GO,     MB/h",
            "2048, 1024, 3072, MET,       KB/h",
            "0.1,  -0.5, 0.6,  INVALID,   ms"})
    @DisplayName("memory: a growth slope surely under 5 MB/h is stable, surely over it a leak")
    void shouldJudgeMemoryGrowth(double slope, double low, double high, CriterionStatus expected, String unit) {
        Measurement m = stamped(Measurement.of("memory", "RSS growth").value(slope, unit, 100).interval(low, high)
                .attribute("mannKendallP", 0.4).window(GateFixtures.T0, GateFixtures.T0.plus(GateFixtures.DAY)));

        CriterionResult result = judge("memory", m);

        assertThat(result.status()).as(result.reason()).isEqualTo(expected);
    }

    @Test
    @DisplayName("memory: each run's final trend counts, not its checkpoints; across runs the worst decides")
    void shouldJudgeTheLastTrendOfEachRun() {
        Measurement checkpoint = memory("day-1", 12, 9, 15, 6);
        Measurement dayOneFinal = memory("day-1", 0.2, -0.3, 0.6, 24);
        Measurement dayTwoFinal = memory("day-2", 12, 9, 15, 24);

        assertThat(judge("memory", checkpoint, dayOneFinal).status()).as("an early checkpoint is superseded").isEqualTo(CriterionStatus.MET);
        CriterionResult twoDays = judge("memory", checkpoint, dayOneFinal, dayTwoFinal);
        assertThat(twoDays.status()).isEqualTo(CriterionStatus.NO_GO);
        assertThat(twoDays.estimate().used()).singleElement().satisfies(m -> assertThat(m.runId()).isEqualTo("day-2"));
    }

    @Test
    @DisplayName("pool: the peak decides, and waiting clients are shown")
    void shouldJudgeThePoolPeak() {
        assertThat(judge("pool-usage", value("pool-usage", 0.5, "ratio", 10), value("pool-usage", 0.79, "ratio", 10)).status())
                .isEqualTo(CriterionStatus.MET);
        Measurement exhausted = stamped(Measurement.of("pool-usage", "pool demand").value(1.2, "ratio", 10).attribute("waiting", 3)
                .window(GateFixtures.T0, GateFixtures.T0.plus(GateFixtures.DAY)));

        CriterionResult result = judge("pool-usage", value("pool-usage", 0.5, "ratio", 10), exhausted);

        assertThat(result.status()).isEqualTo(CriterionStatus.NOT_MET);
        assertThat(result.estimate().value()).isEqualTo(1.2);
        assertThat(result.estimate().notes()).anySatisfy(note -> assertThat(note).contains("waiting=3"));
    }

    @Test
    @DisplayName("CPU: the interval-weighted mean with the spread between intervals")
    void shouldJudgeCpuOnItsWeightedMean() {
        CriterionResult low = judge("cpu", value("cpu", 0.20, "ratio", 100), value("cpu", 0.30, "ratio", 100), value("cpu", 0.25, "ratio", 100));
        CriterionResult atLine = judge("cpu", value("cpu", 0.45, "ratio", 100), value("cpu", 0.55, "ratio", 100), value("cpu", 0.50, "ratio", 100));

        assertThat(low.estimate().value()).isCloseTo(0.25, within(1e-9));
        assertThat(low.status()).as(low.reason()).isEqualTo(CriterionStatus.MET);
        assertThat(atLine.status()).as(atLine.reason()).isEqualTo(CriterionStatus.UNCERTAIN);
    }

    @Test
    @DisplayName("CPU recorded in cores (0.5 cores = 50 %) is held against the % line")
    void shouldReadCpuInCores() {
        CriterionResult result = judge("cpu", value("cpu", 0.20, "cores", 100), value("cpu", 0.30, "cores", 100), value("cpu", 0.25, "cores", 100));

        assertThat(result.status()).as(result.reason()).isEqualTo(CriterionStatus.MET);
        assertThat(result.measuredText()).isEqualTo("25.0 %");
    }

    @Test
    @DisplayName("DB query average: sample-weighted, spread pooled from each interval's stddev")
    void shouldPoolTheDbQueryMean() {
        Measurement quiet = stamped(Measurement.of("db-query-avg", "queries").value(10, "ms", 1000).stddev(5)
                .window(GateFixtures.T0, GateFixtures.T0.plus(GateFixtures.DAY)));
        Measurement busy = stamped(Measurement.of("db-query-avg", "queries").value(20, "ms", 3000).stddev(5)
                .window(GateFixtures.T0, GateFixtures.T0.plus(GateFixtures.DAY)));

        CriterionResult result = judge("db-query-avg", quiet, busy);

        assertThat(result.estimate().value()).isEqualTo(17.5);
        assertThat(result.estimate().samples()).isEqualTo(4000);
        assertThat(result.estimate().hasInterval()).isTrue();
        assertThat(result.status()).isEqualTo(CriterionStatus.MET);
    }

    private static Measurement ratio(String name, double ratio, double low, double high) {
        return stamped(Measurement.of("baseline", name).value(ratio, "ratio", 1000).interval(low, high));
    }

    private static Measurement memory(String runId, double slope, double low, double high, long hours) {
        return Measurement.of("memory", "memory growth after warm-up (rss)").value(slope, "MB/h", 100).interval(low, high)
                .window(GateFixtures.T0, GateFixtures.T0.plus(java.time.Duration.ofHours(hours))).build()
                .withOrigin(runId, "local", "dev.greenlight.acceptance.soak.SoakTests.shouldSoak");
    }

    @Test
    @DisplayName("DB query average without any spread is judged as measured, and the report says so")
    void shouldJudgeASingleValueAsMeasured() {
        CriterionResult under = judge("db-query-avg", value("db-query-avg", 49.99, "ms", 500));
        CriterionResult at = judge("db-query-avg", value("db-query-avg", 50, "ms", 500));

        assertThat(under.status()).isEqualTo(CriterionStatus.MET);
        assertThat(under.estimate().method()).contains("judged as measured");
        assertThat(at.status()).as("50 ms is not < 50ms").isEqualTo(CriterionStatus.NOT_MET);
    }
}
