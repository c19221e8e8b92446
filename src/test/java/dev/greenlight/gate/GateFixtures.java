package dev.greenlight.gate;

import dev.greenlight.evidence.Measurement;
import dev.greenlight.evidence.MeasurementBuilder;
import dev.greenlight.evidence.RunManifest;
import org.HdrHistogram.Histogram;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Builders for the gate's unit tests: the project's own criteria file, measurements, test outcomes, runs. */
public final class GateFixtures {

    public static final Instant T0 = Instant.parse("2024-11-27T09:00:00Z");
    public static final Duration DAY = Duration.ofHours(24);
    static final Path CRITERIA = Path.of("suites", "go-no-go.yaml");

    private GateFixtures() {
    }

    /** The project's criteria file, as shipped: the seed's numbers. */
    static Criteria seedCriteria() {
        return CriteriaFile.load(CRITERIA);
    }

    static CriterionSpec seed(String id) {
        return seedCriteria().byId(id).orElseThrow();
    }

    /** Judges one criterion of the shipped file over these measurements (no tests, no sign-off). */
    static CriterionResult judge(String id, Measurement... measurements) {
        return judge(seedCriteria(), id, List.of(measurements), List.of());
    }

    static CriterionResult judge(Criteria criteria, String id, List<Measurement> measurements, List<TestOutcome> tests) {
        return VerdictRules.judge(criteria.byId(id).orElseThrow(), inputs(criteria, measurements, tests, SignOff.none(), List.of(finished("run-1"))));
    }

    static GateInputs inputs(Criteria criteria, List<Measurement> measurements, List<TestOutcome> tests, SignOff signOff, List<RunManifest> runs) {
        return new GateInputs(criteria, List.of("reports/evidence"), List.of("reports/allure-results"), runs, measurements, List.of(), 0,
                tests, signOff);
    }

    static RunManifest finished(String runId) {
        return new RunManifest(runId, "local", T0, T0.plus(DAY), Map.of());
    }

    static RunManifest cutShort(String runId) {
        return new RunManifest(runId, "local", T0, null, Map.of());
    }

    static Measurement stamped(MeasurementBuilder builder) {
        return builder.build().withOrigin("run-1", "local", "dev.greenlight.acceptance.soak.SoakTests.shouldHoldUnderLoad");
    }

    /** {@code bad} errors in {@code total} requests over a full day. */
    static Measurement rate(long bad, long total) {
        return stamped(Measurement.of("error-rate", "HTTP errors").rate(bad, total).window(T0, T0.plus(DAY)));
    }

    /** A latency distribution (values in ms) recorded under {@code criterion}, over the window starting at {@code from}. */
    static Measurement latency(String criterion, Instant from, Duration window, double... millis) {
        Histogram micros = new Histogram(3);
        Arrays.stream(millis).forEach(ms -> micros.recordValue(Math.round(ms * 1000)));
        return stamped(Measurement.of(criterion, "GET /feed").distribution(micros).window(from, from.plus(window)));
    }

    /** {@code count} requests at each of the given latencies (ms), over a full day. */
    static Measurement latencies(String criterion, long count, double... millis) {
        Histogram micros = new Histogram(3);
        for (double ms : millis) {
            micros.recordValueWithCount(Math.round(ms * 1000), count);
        }
        return stamped(Measurement.of(criterion, "GET /feed").distribution(micros).window(T0, T0.plus(DAY)));
    }

    static Measurement value(String criterion, double value, String unit, long samples) {
        return stamped(Measurement.of(criterion, criterion + " value").value(value, unit, samples).window(T0, T0.plus(DAY)));
    }

    static Measurement withInterval(String criterion, double value, double low, double high, String unit, long samples) {
        return stamped(Measurement.of(criterion, criterion + " value").value(value, unit, samples).interval(low, high).window(T0, T0.plus(DAY)));
    }

    static TestOutcome test(String name, TestOutcome.Status status, String epic, String... criteria) {
        return new TestOutcome(name + "-uuid", name, "dev.greenlight.acceptance." + name, status,
                status == TestOutcome.Status.PASSED ? "" : "[criterion: " + String.join(", ", criteria) + "] expected 200 but was 500",
                epic, List.of(criteria), List.of(), Path.of("reports/allure-results/" + name + "-result.json"));
    }

    /** {@code passed} passing and {@code failed} failing acceptance tests in the Smoke epic. */
    static List<TestOutcome> tests(int passed, int failed) {
        List<TestOutcome> tests = new ArrayList<>();
        for (int i = 0; i < passed; i++) {
            tests.add(test("Passing" + i, TestOutcome.Status.PASSED, "Smoke"));
        }
        for (int i = 0; i < failed; i++) {
            tests.add(test("Failing" + i, TestOutcome.Status.FAILED, "Smoke"));
        }
        return tests;
    }
}
