package dev.greenlight.gate;

import dev.greenlight.evidence.Measurement;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import dev.greenlight.evidence.RunManifest;

import static dev.greenlight.gate.GateFixtures.T0;
import static dev.greenlight.gate.GateFixtures.cutShort;
import static dev.greenlight.gate.GateFixtures.finished;
import static dev.greenlight.gate.GateFixtures.inputs;
import static dev.greenlight.gate.GateFixtures.seedCriteria;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The decision: ROLLBACK, else NO-GO, else GO with every GO condition, else HOLD")
class VerdictRulesTests {

    @Test
    @DisplayName("healthy evidence without sign-off is 'GO — awaiting sign-off' (exit 10)")
    void shouldAwaitSignOffOnAnUnsignedGo() {
        Verdict verdict = judge(HealthyEvidence.measurements(), HealthyEvidence.tests(), SignOff.none());

        assertThat(verdict.rows()).as("every row but sign-off met").filteredOn(r -> r.status() != CriterionStatus.MET)
                .extracting(CriterionResult::id).containsExactly("sign-off");
        assertThat(verdict.headline()).isEqualTo("GO — awaiting sign-off");
        assertThat(verdict.exitCode()).isEqualTo(10);
        assertThat(verdict.reasons()).contains("awaiting sign-off from Tech Lead, DevOps, QA Lead, Database Admin, Product Manager");
    }

    @Test
    @DisplayName("healthy evidence signed by every role is GO (exit 0); a concern is NO-GO (exit 30)")
    void shouldGoOnlyWhenEveryRoleSigned() {
        Verdict signed = judge(HealthyEvidence.measurements(), HealthyEvidence.tests(), HealthyEvidence.signed(SignOff.Decision.GO));
        Verdict concerned = judge(HealthyEvidence.measurements(), HealthyEvidence.tests(), HealthyEvidence.signed(SignOff.Decision.CONCERNS));

        assertThat(signed.headline()).isEqualTo("GO");
        assertThat(signed.exitCode()).isZero();
        assertThat(concerned.decision()).isEqualTo(Decision.NO_GO);
        assertThat(concerned.deciding()).containsExactly("sign-off");
        assertThat(concerned.exitCode()).isEqualTo(30);
    }

    @Test
    @DisplayName("a rollback condition beats a no-go condition; only the rollback criteria are named")
    void shouldLetRollbackWinOverNoGo() {
        List<Measurement> evidence = replace(HealthyEvidence.measurements(), "error-rate", GateFixtures.rate(6_000, 100_000));
        evidence = replace(evidence, "baseline", GateFixtures.withInterval("baseline", 1.25, 1.22, 1.28, "ratio", 1000));
        List<TestOutcome> tests = new ArrayList<>(HealthyEvidence.tests());
        tests.add(GateFixtures.test("shouldShowPost", TestOutcome.Status.BROKEN, "Critical path", "critical-features"));

        Verdict verdict = judge(evidence, tests, HealthyEvidence.signed(SignOff.Decision.GO));

        assertThat(verdict.decision()).isEqualTo(Decision.ROLLBACK);
        assertThat(verdict.deciding()).containsExactly("error-rate", "critical-features");
        assertThat(verdict.row("baseline").orElseThrow().status()).isEqualTo(CriterionStatus.NO_GO);
        assertThat(verdict.exitCode()).isEqualTo(40);
        assertThat(verdict.reasons().get(0)).startsWith("error-rate (HTTP error rate) — ROLLBACK: 6.00 %");
    }

    @Test
    @DisplayName("missing evidence for one criterion is HOLD naming it, never GO")
    void shouldHoldWhenEvidenceIsMissing() {
        List<Measurement> withoutMemory = HealthyEvidence.measurements().stream().filter(m -> !m.criterion().equals("memory")).toList();

        Verdict verdict = judge(withoutMemory, HealthyEvidence.tests(), HealthyEvidence.signed(SignOff.Decision.GO));

        assertThat(verdict.decision()).isEqualTo(Decision.HOLD);
        assertThat(verdict.deciding()).containsExactly("memory");
        assertThat(verdict.reasons()).singleElement().asString().contains("no measurement for memory");
        assertThat(verdict.exitCode()).isEqualTo(20);
    }

    @Test
    @DisplayName("no evidence at all is HOLD on every measured criterion")
    void shouldHoldWithNoEvidenceAtAll() {
        Verdict verdict = VerdictRules.judge(inputs(seedCriteria(), List.of(), List.of(), SignOff.none(), List.of()), T0);

        assertThat(verdict.decision()).isEqualTo(Decision.HOLD);
        assertThat(verdict.rows()).filteredOn(r -> r.status() == CriterionStatus.NO_EVIDENCE).hasSize(22);
    }

    @Test
    @DisplayName("a run cut short can never give GO, but it can still give ROLLBACK")
    void shouldNeverGoOnIncompleteEvidence() {
        List<RunManifest> runs = List.of(finished("run-1"), cutShort("run-2"));
        GateInputs healthy = inputs(seedCriteria(), HealthyEvidence.measurements(), HealthyEvidence.tests(), HealthyEvidence.signed(SignOff.Decision.GO), runs);
        List<Measurement> corrupted = replace(HealthyEvidence.measurements(), "data-integrity",
                GateFixtures.stamped(Measurement.of("data-integrity", "rows compared").count(2, 500)));

        Verdict held = VerdictRules.judge(healthy, T0);
        Verdict rolledBack = VerdictRules.judge(inputs(seedCriteria(), corrupted, HealthyEvidence.tests(), SignOff.none(), runs), T0);

        assertThat(held.decision()).isEqualTo(Decision.HOLD);
        assertThat(held.incomplete()).isTrue();
        assertThat(held.reasons().get(0)).contains("incomplete", "run run-2", "cut short");
        assertThat(rolledBack.decision()).isEqualTo(Decision.ROLLBACK);
        assertThat(rolledBack.reasons()).anySatisfy(r -> assertThat(r).startsWith("note: the evidence is incomplete"));
    }

    private static Verdict judge(List<Measurement> measurements, List<TestOutcome> tests, SignOff signOff) {
        return VerdictRules.judge(inputs(seedCriteria(), measurements, tests, signOff, List.of(finished("run-1"))), T0);
    }

    private static List<Measurement> replace(List<Measurement> all, String criterion, Measurement with) {
        List<Measurement> out = new ArrayList<>(all.stream().filter(m -> !m.criterion().equals(criterion)).toList());
        out.add(with);
        return out;
    }
}
