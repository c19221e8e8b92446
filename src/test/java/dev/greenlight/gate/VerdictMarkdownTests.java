package dev.greenlight.gate;

import dev.greenlight.evidence.Measurement;
import io.qameta.allure.model.Status;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;

import static dev.greenlight.gate.GateFixtures.DAY;
import static dev.greenlight.gate.GateFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("verdict.md reads as a report: decision first, criteria, reasons with evidence, sign-off, daily status")
class VerdictMarkdownTests {

    @TempDir
    Path tmp;

    @Test
    @DisplayName("two healthy soak days, two roles signed: 'GO — awaiting sign-off' with every section in order")
    void shouldRenderARealisticVerdict() throws Exception {
        Path reports = tmp.resolve("reports");
        EvidenceFiles.finishedRun(reports.resolve("evidence"), "20241127-090000-day1", T0.plus(DAY), HealthyEvidence.measurements());
        EvidenceFiles.finishedRun(reports.resolve("evidence"), "20241128-090000-day2", T0.plus(DAY.multipliedBy(2)),
                HealthyEvidence.measurements().stream().filter(m -> m.from() != null).map(m -> shift(m, DAY)).toList());
        AllureTestFiles allure = new AllureTestFiles(reports.resolve("allure-results"));
        allure.writeWithEvidence("shouldHoldTheErrorRateUnderLoad", "error-rate");
        allure.write("shouldSignUpAndPublish", Status.PASSED, "Critical path", "critical-features");
        allure.write("shouldCheckAnOptionalEndpoint", Status.SKIPPED, "Smoke");
        for (int i = 0; i < 12; i++) {
            allure.write("shouldAnswerEndpoint" + i, Status.PASSED, "Smoke", "error-rate");
        }
        Gate gate = new Gate(Clock.fixed(T0.plus(DAY.multipliedBy(2)).plus(Duration.ofHours(1)), ZoneOffset.UTC));
        Gate.Request unsigned = new Gate.Request(List.of(reports.resolve("evidence")), List.of(reports.resolve("allure-results")),
                GateFixtures.CRITERIA, null, reports.resolve("verdict"), null, null);
        String fingerprint = Gate.read(unsigned).fingerprint().value(); // what the reviewers were shown; the sheet is not part of it
        Files.writeString(tmp.resolve("signoff.yaml"), """
                release: Prisma 6.19.0 → 7.0.1 to production
                roles:
                  - {role: Tech Lead, responsibility: Overall deployment oversight, name: Ada Lead, decision: GO, date: 2024-11-29, note: "metrics steady for 48 h", evidence: "%1$s"}
                  - {role: DevOps, responsibility: Infrastructure and monitoring}
                  - {role: QA Lead, responsibility: Test execution and validation, name: Quinn QA, decision: GO, date: 2024-11-29, evidence: "%1$s"}
                  - {role: Database Admin, responsibility: Database health monitoring}
                  - {role: Product Manager, responsibility: Stakeholder communication}
                """.formatted(fingerprint));

        Verdict verdict = gate.run(new Gate.Request(unsigned.evidenceDirs(), unsigned.allureResultsDirs(), unsigned.criteriaFile(),
                tmp.resolve("signoff.yaml"), unsigned.outDir(), null, null));
        String md = Files.readString(reports.resolve("verdict").resolve("verdict.md"));
        keep("go-awaiting-sign-off", md);

        assertThat(verdict.headline()).isEqualTo("GO — awaiting sign-off");
        assertThat(md.lines().findFirst().orElseThrow()).isEqualTo("# Go/No-Go verdict: ✅ GO — awaiting sign-off");
        assertThat(md).containsSubsequence("## Criteria", "## Why, criterion by criterion", "## Sign-off", "## Daily status",
                "### Metrics", "### Issues found", "### Next steps", "## How to read this");
        assertThat(md).contains("| ✅ | **error-rate**<br>HTTP error rate | Critical | GO < 1% · NO-GO > 2% · ROLLBACK > 5% | 0.100 % |");
        assertThat(md).contains("| **DevOps** | Infrastructure and monitoring | yes |  | _pending_ |");
        assertThat(md).contains("| 2024-11-27 |", "| 2024-11-28 |");
        assertThat(md).contains("Collect sign-off from DevOps, Database Admin, Product Manager");
        assertThat(md).contains("[evidence · error-rate · GET /feed](../allure-results/");
        assertThat(md).contains("[20241127-090000-day1](../evidence/20241127-090000-day1/measurements.jsonl)");
        assertThat(md).contains("skipped: shouldCheckAnOptionalEndpoint");
    }

    @Test
    @DisplayName("a ROLLBACK names the deciding criterion first and the rollback as the next step")
    void shouldRenderARollback() throws Exception {
        List<Measurement> evidence = new java.util.ArrayList<>(HealthyEvidence.measurements().stream()
                .filter(m -> !m.criterion().equals("db-connection")).toList());
        evidence.add(GateFixtures.stamped(Measurement.of("db-connection", "connection checks").count(14, 200)));
        evidence.add(GateFixtures.stamped(Measurement.of("soak-run", "soak stopped early").check(false).attribute("stopReason", "database down")));
        EvidenceFiles.finishedRun(tmp.resolve("evidence"), "20241127-090000-dbdown", T0.plus(DAY), evidence);

        Verdict verdict = new Gate(Clock.fixed(T0.plus(DAY), ZoneOffset.UTC)).run(new Gate.Request(List.of(tmp.resolve("evidence")),
                List.of(), GateFixtures.CRITERIA, null, tmp.resolve("verdict"), null, null));
        String md = Files.readString(tmp.resolve("verdict").resolve("verdict.md"));
        keep("rollback-db-down", md);

        assertThat(verdict.decision()).isEqualTo(Decision.ROLLBACK);
        assertThat(md).startsWith("# Go/No-Go verdict: ⏪ ROLLBACK\n\n**ROLLBACK — roll back now** (follow the rollback plan). Decided by **db-connection**.");
        assertThat(md).contains("| **Why** | db-connection (Database connection failures) — ROLLBACK: 14 bad of 200 connection checks is past the ROLLBACK line > 0 |");
        assertThat(md).contains("1. Roll back now, following the rollback plan");
        assertThat(md).contains("- `soak-run`: soak stopped early (stopReason database down)",
                "- 1 measurement(s) of `soak-run` are read by no criterion (shown here, not judged)");
    }

    private static Measurement shift(Measurement m, Duration by) {
        return new Measurement(m.runId(), m.target(), m.criterion(), m.name(), m.kind(), m.value(), m.unit(), m.samples(), m.events(),
                m.stddev(), m.low(), m.high(), m.histogram(), m.from().plus(by), m.to().plus(by), m.source(), m.attributes());
    }

    /** Keeps the rendering under target/gate-examples for a human to read. */
    private static void keep(String name, String md) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "gate-examples", name));
        Files.writeString(dir.resolve("verdict.md"), md);
    }
}
