package dev.greenlight.gate;

import dev.greenlight.evidence.Measurement;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.List;

import static dev.greenlight.gate.GateFixtures.T0;
import static dev.greenlight.gate.GateFixtures.judge;
import static dev.greenlight.gate.GateFixtures.rate;
import static dev.greenlight.gate.GateFixtures.stamped;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("error-rate: GO < 1 %, NO-GO > 2 %, ROLLBACK > 5 %, judged on the Wilson interval")
class ErrorRateRulesTests {

    private static final long HUNDRED_MILLION = 100_000_000L;

    @ParameterizedTest(name = "{0} errors in 100,000,000 requests → {1}")
    @CsvSource({
            "990000,  MET",        // 0.99 %: interval 0.988–0.992 %, wholly under 1 %
            "1000000, UNCERTAIN",  // 1.00 %: interval across the GO line
            "1010000, NOT_MET",    // 1.01 %: wholly over 1 %, wholly under 2 %
            "2000000, UNCERTAIN",  // 2.00 %: across the NO-GO line
            "2010000, NO_GO",      // 2.01 %: wholly over 2 %
            "5000000, NO_GO",      // 5.00 %: past NO-GO, across ROLLBACK
            "5010000, ROLLBACK"})  // 5.01 %: wholly over 5 %
    @DisplayName("rates at and around every line of the seed")
    void shouldJudgeRatesAtAndAroundEachLine(long errors, CriterionStatus expected) {
        CriterionResult result = judge("error-rate", rate(errors, HUNDRED_MILLION));

        assertThat(result.status()).as("status of %s errors: %s", errors, result.reason()).isEqualTo(expected);
    }

    @Test
    @DisplayName("0.99 % over only 10,000 requests is HOLD: the interval still reaches over 1 %")
    void shouldHoldWhenTheIntervalOfAGoodRateCrossesTheLine() {
        CriterionResult result = judge("error-rate", rate(99, 10_000));

        assertThat(result.status()).as(result.reason()).isEqualTo(CriterionStatus.UNCERTAIN);
        assertThat(result.estimate().high()).as("upper bound of 99/10,000").isGreaterThan(0.01);
        assertThat(result.status().contribution()).isEqualTo(Decision.HOLD);
    }

    @Test
    @DisplayName("no errors in 999 requests is too little evidence: GO needs 1,000")
    void shouldHoldBelowTheMinimumSampleCount() {
        CriterionResult result = judge("error-rate", rate(0, 999));

        assertThat(result.status()).isEqualTo(CriterionStatus.TOO_FEW);
        assertThat(result.reason()).as("reason names the shortfall").contains("999 requests", "1,000");
        assertThat(judge("error-rate", rate(0, 1000)).status()).as("at the minimum").isEqualTo(CriterionStatus.MET);
    }

    @Test
    @DisplayName("a short observation is HOLD until the minimum duration, and an override lowers it")
    void shouldHoldBelowTheMinimumDuration() {
        Measurement twoHours = stamped(Measurement.of("error-rate", "HTTP errors").rate(0, 100_000).window(T0, T0.plus(Duration.ofHours(2))));

        CriterionResult strict = judge("error-rate", twoHours);
        CriterionResult lowered = GateFixtures.judge(GateFixtures.seedCriteria().withMinDurationOverride(Duration.ofHours(1)),
                "error-rate", List.of(twoHours), List.of());

        assertThat(strict.status()).isEqualTo(CriterionStatus.TOO_FEW);
        assertThat(strict.reason()).contains("observed 2h", "24h");
        assertThat(lowered.status()).as("with --min-duration 1h").isEqualTo(CriterionStatus.MET);
    }

    @Test
    @DisplayName("an observation just short of the minimum says so to the millisecond, not '60.0s of 1m'")
    void shouldShowAShortfallPrecisely() {
        Measurement almost = stamped(Measurement.of("error-rate", "HTTP errors").rate(0, 100_000).window(T0, T0.plusMillis(59_957)));

        CriterionResult result = GateFixtures.judge(GateFixtures.seedCriteria().withMinDurationOverride(Duration.ofMinutes(1)),
                "error-rate", List.of(almost), List.of());

        assertThat(result.reason()).isEqualTo("observed 59.957s, GO needs at least 1m of observation");
    }

    @Test
    @DisplayName("three errors in three requests is ROLLBACK despite few samples: the interval is wholly past 5 %")
    void shouldRollBackOnThinButClearlyBadEvidence() {
        assertThat(judge("error-rate", rate(3, 3)).status()).isEqualTo(CriterionStatus.ROLLBACK);
    }

    @Test
    @DisplayName("no measurement at all is HOLD, never a pass")
    void shouldHoldWithoutEvidence() {
        CriterionResult result = judge("error-rate");

        assertThat(result.status()).isEqualTo(CriterionStatus.NO_EVIDENCE);
        assertThat(result.status().contribution()).isEqualTo(Decision.HOLD);
    }

    @Test
    @DisplayName("smoke's few requests and the soak's intervals are summed into one rate")
    void shouldSumEveryMeasurement() {
        CriterionResult result = judge("error-rate", rate(5, 500), rate(0, 49_750), rate(0, 49_750));

        assertThat(result.estimate().samples()).isEqualTo(100_000);
        assertThat(result.estimate().value()).isEqualTo(5 / 100_000.0);
        assertThat(result.status()).isEqualTo(CriterionStatus.MET);
    }

    @Test
    @DisplayName("a failed test behind the criterion blocks GO without making it NO-GO")
    void shouldNotPassWhenATestBehindItFailed() {
        TestOutcome failed = GateFixtures.test("SmokeTests.shouldAnswerFeed", TestOutcome.Status.FAILED, "Smoke", "error-rate");

        CriterionResult result = GateFixtures.judge(GateFixtures.seedCriteria(), "error-rate", List.of(rate(0, 100_000)), List.of(failed));

        assertThat(result.status()).isEqualTo(CriterionStatus.NOT_MET);
        assertThat(result.reason()).contains("SmokeTests.shouldAnswerFeed", "expected 200 but was 500");
        assertThat(result.tests()).containsExactly(failed);
    }

    @Test
    @DisplayName("a failed test that only recorded the evidence, labelled for another criterion, does not block it")
    void shouldNotBlockOnAnUnrelatedFailureOfTheSourceTest() {
        Measurement smoke = Measurement.of("error-rate", "smoke GET /feed").rate(0, 100_000).window(T0, T0.plus(GateFixtures.DAY)).build()
                .withOrigin("run-1", "local", "dev.greenlight.acceptance.EndpointChecks");
        TestOutcome budget = new TestOutcome("u1", "Feed lists published posts", "dev.greenlight.acceptance.EndpointChecks",
                TestOutcome.Status.FAILED, "[criterion: critical-features] answered in 2.5s, budget 1s", "Smoke",
                List.of("critical-features"), List.of(), java.nio.file.Path.of("r.json"));

        CriterionResult result = GateFixtures.judge(GateFixtures.seedCriteria(), "error-rate", List.of(smoke), List.of(budget));

        assertThat(result.tests()).as("listed behind it, as the source of its evidence").containsExactly(budget);
        assertThat(result.status()).isEqualTo(CriterionStatus.MET);
    }
}
