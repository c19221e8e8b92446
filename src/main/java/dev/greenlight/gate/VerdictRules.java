package dev.greenlight.gate;

import dev.greenlight.evidence.Measurement;
import dev.greenlight.gate.CriterionSpec.Source;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The judging: every criterion against its evidence, then the decision. ROLLBACK if any criterion is past its
 * rollback line; else NO-GO if any is past its no-go line; else GO if every criterion met its GO line with enough
 * evidence and the evidence is complete; else HOLD. A GO that waits for required sign-offs says so. Pure: no I/O,
 * the clock comes in as an instant.
 */
public final class VerdictRules {

    private VerdictRules() {
    }

    public static Verdict judge(GateInputs inputs, Instant now) {
        List<CriterionResult> rows = inputs.criteria().criteria().stream().map(spec -> judge(spec, inputs)).toList();
        List<String> reasons = new ArrayList<>();
        List<String> deciding = new ArrayList<>();
        Decision decision = rows.stream().map(r -> r.status().contribution()).reduce(Decision.GO, VerdictRules::worse);
        List<String> incompleteness = inputs.incompleteness();
        if (decision == Decision.GO && !incompleteness.isEmpty()) {
            decision = Decision.HOLD;
            reasons.add("the evidence is incomplete, so it cannot support GO: " + String.join("; ", incompleteness));
        }
        final Decision decided = decision;
        for (CriterionResult row : rows) {
            if (decided != Decision.GO && row.status().contribution() == decided) {
                deciding.add(row.id());
                reasons.add(row.id() + " (" + row.spec().title() + ") — " + row.status().label() + ": " + row.reason());
            }
        }
        if (decided != Decision.HOLD && !incompleteness.isEmpty()) {
            reasons.add("note: the evidence is incomplete (" + String.join("; ", incompleteness) + ")");
        }
        boolean awaiting = decided == Decision.GO && rows.stream().anyMatch(r -> r.status() == CriterionStatus.AWAITING);
        if (decided == Decision.GO) {
            reasons.add(0, "every criterion met its GO line with enough evidence");
            if (awaiting) {
                reasons.add("awaiting sign-off from " + inputs.signOff().awaitingText());
            }
        }
        return new Verdict(decided, awaiting, reasons, deciding, rows, inputs, now);
    }

    static Decision worse(Decision a, Decision b) {
        return b.ordinal() > a.ordinal() ? b : a;
    }

    static CriterionResult judge(CriterionSpec spec, GateInputs inputs) {
        Duration minDuration = inputs.criteria().minDurationOf(spec);
        if (spec.source() == Source.SIGN_OFF) {
            return signOff(spec, inputs.signOff());
        }
        Set<String> ids = new LinkedHashSet<>(spec.evidence());
        ids.add(spec.id());
        List<Measurement> all = inputs.measurements().stream().filter(m -> spec.evidence().contains(m.criterion())).toList();
        List<Measurement> measurements = all.stream().filter(m -> !m.kind().aboutTheRun()).toList();
        Set<String> sources = measurements.stream().map(Measurement::source).filter(s -> s != null).collect(Collectors.toSet());
        List<TestOutcome> behind = inputs.acceptanceTests().stream()
                .filter(t -> ids.stream().anyMatch(t::serves) || sources.contains(t.fullName())).toList();
        NotRunFacts notRun = spec.statistic().kind() == Statistic.Kind.PASS_RATE ? new NotRunFacts(List.of(), List.of())
                : NotRunFacts.of(all.stream().filter(m -> m.kind().aboutTheRun()).toList(),
                        behind.stream().filter(t -> ids.stream().anyMatch(t::serves)).toList());
        List<TestOutcome.Attachment> attachments = spec.source() == Source.TESTS
                ? behind.stream().filter(TestOutcome::isFailure).flatMap(t -> t.attachments().stream()).toList()
                : behind.stream().flatMap(t -> t.attachments().stream())
                        .filter(a -> ids.stream().anyMatch(id -> a.name().startsWith("evidence · " + id + " ·"))).toList();
        List<Estimate> estimates;
        if (spec.source() == Source.TESTS) {
            estimates = List.of(spec.statistic().kind() == Statistic.Kind.PASS_RATE
                    ? TestEstimator.passRate(inputs.outcomes())
                    : TestEstimator.failures(inputs.acceptanceTests().stream().filter(t -> spec.evidence().stream().anyMatch(t::serves)).toList()));
        } else {
            // only a failure labelled with the criterion speaks against it: a parameterised test shares its
            // source name across invocations, so one invocation's unrelated failure must not block the others' evidence
            List<String> failedTests = behind.stream().filter(TestOutcome::isFailure).filter(t -> ids.stream().anyMatch(t::serves))
                    .map(t -> "test " + t.status().label() + ": " + TestEstimator.describe(t)).toList();
            estimates = MeasurementEstimator.estimate(spec, measurements).stream().map(e -> e.withBlockers(failedTests)).toList();
        }
        if (estimates.isEmpty()) {
            String what = spec.source() == Source.TESTS ? "no test results" : "no measurement for " + String.join(", ", spec.evidence());
            return notRun.applyTo(new CriterionResult(spec, CriterionStatus.NO_EVIDENCE, what + " in the evidence", null, minDuration, behind, attachments));
        }
        CriterionJudge.Judgement worst = null;
        Estimate deciding = null;
        for (Estimate estimate : estimates) {
            CriterionJudge.Judgement judgement = CriterionJudge.judge(spec, estimate, minDuration);
            if (worst == null || judgement.status().ordinal() > worst.status().ordinal()) {
                worst = judgement;
                deciding = estimate;
            }
        }
        String reason = estimates.size() > 1 ? worst.reason() + " (the worst of " + estimates.size() + " measurements: '"
                + deciding.used().get(0).name() + "')" : worst.reason();
        return notRun.applyTo(new CriterionResult(spec, worst.status(), reason, deciding, minDuration, behind, attachments));
    }

    static CriterionResult signOff(CriterionSpec spec, SignOff signOff) {
        List<SignOff.Entry> objections = signOff.objections();
        List<SignOff.Entry> awaiting = signOff.awaiting();
        long required = signOff.roles().stream().filter(SignOff.Entry::required).count();
        long approved = signOff.approvals().stream().filter(SignOff.Entry::required).count();
        Estimate estimate = Estimate.point(approved, "count", required, Duration.ZERO,
                "roles' decisions in " + (signOff.file().isEmpty() ? "no sign-off file (all pending)" : signOff.file()),
                signOff.approvals().stream().map(r -> "GO from " + r.role() + " (" + r.name() + ")").toList(), List.of(), List.of());
        if (!objections.isEmpty()) {
            return new CriterionResult(spec, CriterionStatus.NO_GO, objections.stream()
                    .map(r -> r.decision().label() + " from " + r.role() + " (" + r.name() + ")"
                            + (signOff.stale(r) ? " [stale: " + signOff.staleness(r) + "; it stands until withdrawn]" : "")
                            + (r.note().isBlank() ? "" : ": " + r.note()))
                    .collect(Collectors.joining("; ")), estimate, null, List.of(), List.of());
        }
        if (!awaiting.isEmpty()) {
            return new CriterionResult(spec, CriterionStatus.AWAITING, "no objection; awaiting " + signOff.awaitingText(),
                    estimate, null, List.of(), List.of());
        }
        return new CriterionResult(spec, CriterionStatus.MET, "every required role signed GO", estimate, null, List.of(), List.of());
    }
}
