package dev.greenlight.gate;

import dev.greenlight.evidence.Measurement;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.greenlight.gate.GateFixtures.rate;
import static dev.greenlight.gate.GateFixtures.seedCriteria;
import static dev.greenlight.gate.GateFixtures.stamped;
import static dev.greenlight.gate.GateFixtures.test;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Not run is not broken: the harness's own trouble holds a criterion, never blames the application")
class NotRunRulesTests {

    private static final String BROWSER_JOURNEY = "FeedPageTests.shouldRenderANewlyPublishedPost";

    @Test
    @DisplayName("critical-features with its browser journeys not run (no Chromium) is HOLD naming the reason and the fix")
    void shouldHoldACriterionWhoseChecksWereNotRun() {
        List<TestOutcome> tests = passingApiJourneys();
        tests.add(test(BROWSER_JOURNEY, TestOutcome.Status.SKIPPED, "Critical paths", "critical-features"));
        Measurement notRun = Measurement.of("critical-features", "not run · FeedPageTests")
                .notRun("no Chromium for the browser journeys", "apt-get install chromium chromium-driver, or set browser.remoteUrl")
                .build().withOrigin("run-1", "local", "dev.greenlight.acceptance." + BROWSER_JOURNEY);

        CriterionResult result = GateFixtures.judge(seedCriteria(), "critical-features", List.of(notRun), tests);

        assertThat(result.status()).as(result.reason()).isEqualTo(CriterionStatus.NOT_RUN);
        assertThat(result.status().contribution()).isEqualTo(Decision.HOLD);
        assertThat(result.reason()).startsWith("evidence missing: no Chromium for the browser journeys; fix: apt-get install chromium")
                .as("the skipped test is explained by its fact, so it is not listed twice").doesNotContain("test skipped");
        assertThat(result.scope()).singleElement().asString().startsWith("not run: no Chromium");
    }

    @Test
    @DisplayName("a test skipped without a fact (an assumption that did not hold) also holds the criterion it serves")
    void shouldHoldACriterionWhoseTestWasSkipped() {
        List<TestOutcome> tests = passingApiJourneys();
        tests.add(test("VersionTests.shouldLogExpectedVersion", TestOutcome.Status.SKIPPED, "Smoke", "critical-features"));

        CriterionResult result = GateFixtures.judge(seedCriteria(), "critical-features", List.of(), tests);

        assertThat(result.status()).isEqualTo(CriterionStatus.NOT_RUN);
        assertThat(result.reason()).contains("test skipped: VersionTests.shouldLogExpectedVersion");
    }

    @Test
    @DisplayName("what did run still counts: a broken journey beside one not run is ROLLBACK, with the missing one stated")
    void shouldKeepTheApplicationsOwnFailures() {
        List<TestOutcome> tests = passingApiJourneys();
        tests.add(test("PostLifecycleTests.shouldPublishADraft", TestOutcome.Status.FAILED, "Critical paths", "critical-features"));
        tests.add(test(BROWSER_JOURNEY, TestOutcome.Status.SKIPPED, "Critical paths", "critical-features"));

        CriterionResult result = GateFixtures.judge(seedCriteria(), "critical-features", List.of(), tests);

        assertThat(result.status()).isEqualTo(CriterionStatus.ROLLBACK);
        assertThat(result.scope()).singleElement().asString().contains(BROWSER_JOURNEY);
    }

    @Test
    @DisplayName("journeys the target declares out of scope are left out and stated; the rest decides (GO)")
    void shouldStateOutOfScopePartsBesideTheCriterion() {
        List<TestOutcome> tests = passingApiJourneys();
        tests.add(test(BROWSER_JOURNEY, TestOutcome.Status.SKIPPED, "Critical paths", "critical-features"));
        Measurement declared = Measurement.of("critical-features", "out of scope · FeedPageTests")
                .outOfScope("browser.enabled: false in suites/targets/prisma.yaml").attribute("what", "browser journeys")
                .build().withOrigin("run-1", "prisma", "dev.greenlight.acceptance." + BROWSER_JOURNEY);

        CriterionResult result = GateFixtures.judge(seedCriteria(), "critical-features", List.of(declared), tests);

        assertThat(result.status()).as(result.reason()).isEqualTo(CriterionStatus.MET);
        assertThat(result.scope()).containsExactly("out of scope: browser journeys (browser.enabled: false in suites/targets/prisma.yaml)");
    }

    @Test
    @DisplayName("a criterion with nothing but out-of-scope parts is 'out of scope' (counts as GO), said so")
    void shouldMarkAWhollyOutOfScopeCriterion() {
        Measurement declared = stamped(Measurement.of("error-rate", "out of scope").outOfScope("soak.profile: none in staging.yaml"));

        CriterionResult result = GateFixtures.judge("error-rate", declared);

        assertThat(result.status()).isEqualTo(CriterionStatus.OUT_OF_SCOPE);
        assertThat(result.status().contribution()).isEqualTo(Decision.GO);
        assertThat(result.reason()).contains("soak.profile: none in staging.yaml");
    }

    @Test
    @DisplayName("a metric the harness could not read holds its criterion even when other measurements meet the line")
    void shouldNotJudgeAMeasuredCriterionOnTheRestWhenPartWasNotRun() {
        Measurement unread = stamped(Measurement.of("error-rate", "not run · smoke error rate").notRun("metrics answered 404", "fix metrics.path"));

        CriterionResult result = GateFixtures.judge("error-rate", rate(0, 100_000), unread);

        assertThat(result.status()).isEqualTo(CriterionStatus.NOT_RUN);
        assertThat(result.reason()).startsWith("evidence missing: metrics answered 404; fix: fix metrics.path (what did run: met");
        assertThat(result.estimate()).as("the judged measurement is kept for the report").isNotNull();
    }

    @Test
    @DisplayName("the pass rate leaves not-run tests out of its denominator and is not held by them")
    void shouldLeaveNotRunTestsOutOfThePassRate() {
        List<TestOutcome> tests = new ArrayList<>(GateFixtures.tests(20, 0));
        tests.add(test(BROWSER_JOURNEY, TestOutcome.Status.SKIPPED, "Critical paths", "critical-features"));

        CriterionResult result = GateFixtures.judge(seedCriteria(), "tests-passing", List.of(), tests);

        assertThat(result.status()).isEqualTo(CriterionStatus.MET);
        assertThat(result.estimate().samples()).isEqualTo(20);
    }

    private static List<TestOutcome> passingApiJourneys() {
        List<TestOutcome> tests = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            tests.add(test("ApiJourney" + i, TestOutcome.Status.PASSED, "Critical paths", "critical-features"));
        }
        return tests;
    }
}
