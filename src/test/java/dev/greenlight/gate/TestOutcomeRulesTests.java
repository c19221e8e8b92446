package dev.greenlight.gate;

import io.qameta.allure.model.Status;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.greenlight.gate.GateFixtures.seedCriteria;
import static dev.greenlight.gate.GateFixtures.tests;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("tests-passing and critical-features, from the Allure results of what actually ran")
class TestOutcomeRulesTests {

    @TempDir
    Path results;

    @Test
    @DisplayName("reads real result files: status, epic, criterion labels, first line of the message, step attachments")
    void shouldReadAllureResultFiles() throws Exception {
        AllureTestFiles files = new AllureTestFiles(results);
        files.write("shouldListUsers", Status.FAILED, "Critical path", "critical-features", "error-rate");
        files.writeWithEvidence("shouldHoldUnderLoad", "latency-p95");
        Files.writeString(results.resolve("broken-result.json"), "{ not json");

        AllureResultsReader.Results read = AllureResultsReader.read(List.of(results, results));

        assertThat(read.outcomes()).as("each result once, though the directory was given twice").hasSize(2);
        TestOutcome failed = read.outcomes().stream().filter(o -> o.name().equals("shouldListUsers")).findFirst().orElseThrow();
        assertThat(failed.status()).isEqualTo(TestOutcome.Status.FAILED);
        assertThat(failed.epic()).isEqualTo("Critical path");
        assertThat(failed.criteria()).containsExactly("critical-features", "error-rate");
        assertThat(failed.message()).isEqualTo("[criterion: critical-features, error-rate] expected 200 but was 503");
        TestOutcome soak = read.outcomes().stream().filter(o -> o.name().equals("shouldHoldUnderLoad")).findFirst().orElseThrow();
        assertThat(soak.attachments()).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("evidence · latency-p95 · GET /feed");
            assertThat(a.file()).exists();
        });
        assertThat(read.unreadable()).singleElement().asString().contains("broken-result.json");
    }

    @Test
    @DisplayName("pass rate: 96 of 100 is GO; 19 of 20 (exactly 95 %) is not over 95 %")
    void shouldJudgeThePassRateAsACensus() {
        CriterionResult ninetySix = GateFixtures.judge(seedCriteria(), "tests-passing", List.of(), tests(96, 4));
        CriterionResult ninetyFive = GateFixtures.judge(seedCriteria(), "tests-passing", List.of(), tests(19, 1));

        assertThat(ninetySix.status()).isEqualTo(CriterionStatus.MET);
        assertThat(ninetySix.estimate().hasInterval()).as("a census has no interval").isFalse();
        assertThat(ninetyFive.status()).as(ninetyFive.reason()).isEqualTo(CriterionStatus.NOT_MET);
        assertThat(ninetyFive.status().contribution()).isEqualTo(Decision.HOLD);
        assertThat(GateFixtures.judge(seedCriteria(), "tests-passing", List.of(), tests(9, 0)).status())
                .as("9 tests are fewer than the 10 GO needs").isEqualTo(CriterionStatus.TOO_FEW);
    }

    @Test
    @DisplayName("pass rate states its denominator and leaves out skipped tests, run bookkeeping and the gate's own results")
    void shouldStateTheDenominator() {
        List<TestOutcome> outcomes = new java.util.ArrayList<>(tests(20, 1));
        outcomes.add(GateFixtures.test("Skipped", TestOutcome.Status.SKIPPED, "Soak"));
        outcomes.add(GateFixtures.test("setup", TestOutcome.Status.BROKEN, TestOutcome.RUN_EPIC));
        outcomes.add(GateFixtures.test("error-rate", TestOutcome.Status.FAILED, TestOutcome.GATE_EPIC));

        CriterionResult result = GateFixtures.judge(seedCriteria(), "tests-passing", List.of(), outcomes);

        assertThat(result.estimate().samples()).isEqualTo(21);
        assertThat(result.estimate().value()).isEqualTo(20 / 21.0);
        assertThat(result.estimate().notes()).contains("denominator: 21 acceptance test results = 20 passed + 1 failed + 0 broken");
        assertThat(result.estimate().notes()).anySatisfy(n -> assertThat(n).startsWith("skipped: Skipped"));
        assertThat(result.estimate().notes()).anySatisfy(n -> assertThat(n).startsWith("not counted: 1 skipped, 1 run bookkeeping"));
    }

    @Test
    @DisplayName("critical features: all passed is GO; one broken is ROLLBACK; only skipped is not run (HOLD)")
    void shouldJudgeCriticalFeatures() {
        TestOutcome signUp = GateFixtures.test("shouldSignUp", TestOutcome.Status.PASSED, "Critical path", "critical-features");
        TestOutcome publish = GateFixtures.test("shouldPublish", TestOutcome.Status.PASSED, "Critical path", "critical-features");
        TestOutcome feedBroken = GateFixtures.test("shouldSearchFeed", TestOutcome.Status.BROKEN, "Critical path", "critical-features");
        TestOutcome skipped = GateFixtures.test("shouldDraft", TestOutcome.Status.SKIPPED, "Critical path", "critical-features");
        TestOutcome unrelated = GateFixtures.test("shouldAnswerHealth", TestOutcome.Status.FAILED, "Smoke", "error-rate");

        assertThat(GateFixtures.judge(seedCriteria(), "critical-features", List.of(), List.of(signUp, publish, unrelated)).status())
                .isEqualTo(CriterionStatus.MET);
        CriterionResult broken = GateFixtures.judge(seedCriteria(), "critical-features", List.of(), List.of(signUp, feedBroken));
        assertThat(broken.status()).isEqualTo(CriterionStatus.ROLLBACK);
        assertThat(broken.estimate().notes()).anySatisfy(n -> assertThat(n).contains("broken: shouldSearchFeed"));
        assertThat(broken.tests()).contains(feedBroken);
        assertThat(GateFixtures.judge(seedCriteria(), "critical-features", List.of(), List.of(skipped)).status())
                .isEqualTo(CriterionStatus.NOT_RUN);
    }
}
