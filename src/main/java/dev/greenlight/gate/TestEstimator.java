package dev.greenlight.gate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Estimates from acceptance test results: the pass rate over every test that ran, and the failures among the tests
 * serving a criterion. Both are a census of what ran, not a sample, so they are judged as counted. The gate's own
 * results (epic {@value TestOutcome#GATE_EPIC}) and run bookkeeping (epic {@value TestOutcome#RUN_EPIC}, e.g.
 * target setup) are not tests and are left out; skipped tests are listed, never counted.
 */
final class TestEstimator {

    private TestEstimator() {
    }

    /** Passed / (passed + failed + broken + unfinished); null when no test ran. */
    static Estimate passRate(List<TestOutcome> outcomes) {
        List<TestOutcome> tests = outcomes.stream().filter(TestOutcome::isAcceptanceTest).toList();
        long passed = count(tests, TestOutcome.Status.PASSED);
        long failed = count(tests, TestOutcome.Status.FAILED);
        long broken = count(tests, TestOutcome.Status.BROKEN);
        long unknown = count(tests, TestOutcome.Status.UNKNOWN);
        long skipped = count(tests, TestOutcome.Status.SKIPPED);
        long denominator = passed + failed + broken + unknown;
        long bookkeeping = outcomes.stream().filter(o -> o.epic().equals(TestOutcome.RUN_EPIC)).count();
        List<String> notes = new ArrayList<>();
        notes.add("denominator: " + denominator + " acceptance test results = " + passed + " passed + " + failed + " failed + "
                + broken + " broken" + (unknown > 0 ? " + " + unknown + " unfinished" : ""));
        notes.add("not counted: " + skipped + " skipped, " + bookkeeping + " run bookkeeping result(s) (epic "
                + TestOutcome.RUN_EPIC + "), the gate's own results (epic " + TestOutcome.GATE_EPIC + ")");
        tests.stream().filter(t -> t.status() == TestOutcome.Status.SKIPPED).forEach(t -> notes.add("skipped: " + describe(t)));
        tests.stream().filter(TestOutcome::isFailure).forEach(t -> notes.add(t.status().label() + ": " + describe(t)));
        if (denominator == 0) {
            return Estimate.point(0, "ratio", 0, Duration.ZERO, "no acceptance test ran", notes, List.of(), List.of());
        }
        return Estimate.point((double) passed / denominator, "ratio", denominator, Duration.ZERO,
                "passed / (passed + failed + broken) over every acceptance test result; a census, judged as counted",
                notes, List.of(), List.of());
    }

    /** Failed, broken or unfinished among the tests serving any of {@code criteria}; samples = those that ran. */
    static Estimate failures(List<TestOutcome> serving) {
        long failures = serving.stream().filter(TestOutcome::isFailure).count();
        long skipped = count(serving, TestOutcome.Status.SKIPPED);
        long ran = serving.size() - skipped;
        List<String> notes = new ArrayList<>();
        notes.add(ran + " ran: " + count(serving, TestOutcome.Status.PASSED) + " passed, " + failures + " failed or broken; "
                + skipped + " skipped (not counted)");
        serving.stream().filter(t -> t.status() == TestOutcome.Status.SKIPPED).forEach(t -> notes.add("skipped: " + describe(t)));
        serving.stream().filter(TestOutcome::isFailure).forEach(t -> notes.add(t.status().label() + ": " + describe(t)));
        return Estimate.point(failures, "count", ran, Duration.ZERO,
                "failed or broken test results among those serving the criterion; a census, judged as counted",
                notes, List.of(), List.of());
    }

    static String describe(TestOutcome t) {
        return (t.name().isEmpty() ? t.fullName() : t.name()) + (t.message().isEmpty() ? "" : " — " + t.message());
    }

    private static long count(List<TestOutcome> tests, TestOutcome.Status status) {
        return tests.stream().filter(t -> t.status() == status).count();
    }
}
