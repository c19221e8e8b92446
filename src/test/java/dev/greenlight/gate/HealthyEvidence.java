package dev.greenlight.gate;

import dev.greenlight.evidence.Measurement;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.greenlight.gate.GateFixtures.DAY;
import static dev.greenlight.gate.GateFixtures.T0;
import static dev.greenlight.gate.GateFixtures.latencies;
import static dev.greenlight.gate.GateFixtures.stamped;
import static dev.greenlight.gate.GateFixtures.value;
import static dev.greenlight.gate.GateFixtures.withInterval;

/** A day of evidence from a healthy deployment: every criterion of the shipped file met with room to spare. */
public final class HealthyEvidence {

    private HealthyEvidence() {
    }

    public static List<Measurement> measurements() {
        List<Measurement> all = new ArrayList<>();
        all.add(GateFixtures.rate(100, 100_000));
        all.add(latencies("latency-avg", 50_000, 100, 150));
        all.add(latencies("latency-p95", 50_000, 100, 150));
        all.add(stamped(Measurement.of("db-query-avg", "queries").value(12, "ms", 5_000).stddev(4).window(T0, T0.plus(DAY))));
        all.add(value("pool-usage", 0.4, "ratio", 20));
        all.add(withInterval("memory", 0.2, -0.3, 0.6, "MB/h", 100));
        all.add(value("cpu", 0.20, "ratio", 20));
        all.add(value("cpu", 0.25, "ratio", 20));
        all.add(value("cpu", 0.22, "ratio", 20));
        all.add(withInterval("baseline", 1.03, 1.01, 1.05, "ratio", 1_000));
        all.add(withInterval("baseline-p95", 1.04, 0.98, 1.08, "ratio", 1_000));
        all.add(stamped(Measurement.of("data-integrity", "rows compared").count(0, 500)));
        all.add(stamped(Measurement.of("migrations", "all applied, checksums match").check(true)));
        all.add(stamped(Measurement.of("rollback-drill", "drill").check(true)));
        all.add(stamped(Measurement.of("rollback-drill", "time to roll back").duration(Duration.ofSeconds(95)).attribute("target", "300s")));
        all.add(stamped(Measurement.of("db-connection", "connection checks").count(0, 200)));
        all.add(stamped(Measurement.of("preflight", "checklist items").count(0, 14)));
        all.add(stamped(Measurement.of("pool-wait", "burst requests past the budget").count(0, 80)));
        all.add(stamped(Measurement.of("db-outage", "requests not ended within the bound").count(0, 11)));
        all.add(stamped(Measurement.of("db-tls", "application sessions without the expected TLS").count(0, 2)));
        all.add(stamped(Measurement.of("timestamps", "instant round trip").count(0, 3)));
        all.add(stamped(Measurement.of("metrics-presence", "mapped series missing").count(0, 10)));
        all.add(withInterval("memory-rss", 0.1, -0.4, 0.5, "MB/h", 100));
        return all;
    }

    /** 30 passing acceptance tests, three of them critical features. */
    static List<TestOutcome> tests() {
        List<TestOutcome> tests = new ArrayList<>(GateFixtures.tests(27, 0));
        for (String name : List.of("shouldSignUp", "shouldPublishDraft", "shouldSearchFeed")) {
            tests.add(GateFixtures.test(name, TestOutcome.Status.PASSED, "Critical path", "critical-features"));
        }
        return tests;
    }

    /** Every seed role decided {@code decision}. */
    static SignOff signed(SignOff.Decision decision) {
        return new SignOff("suites/signoff.yaml", "", SignOff.SEED_ROLES.stream()
                .map(r -> new SignOff.Entry(r.role(), r.responsibility(), true, "A. " + r.role(), decision, T0.atZone(java.time.ZoneOffset.UTC)
                        .toLocalDate().plusDays(2), decision == SignOff.Decision.GO ? "" : "pool waits under peak")).toList());
    }
}
