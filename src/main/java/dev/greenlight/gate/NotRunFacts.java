package dev.greenlight.gate;

import dev.greenlight.evidence.Measurement;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What was not looked at for one criterion, and why: checks the harness could not run (a {@code NOT_RUN} fact, or a
 * test behind the criterion that ended skipped) and parts the target declares out of scope ({@code OUT_OF_SCOPE}). It
 * turns what the rest of the evidence says into the honest answer: a criterion whose checks were not all run is
 * {@link CriterionStatus#NOT_RUN} (HOLD, "evidence missing: reason; fix") unless the checks that did run already put
 * it past a NO-GO or ROLLBACK line — the application's own failures still count. Out-of-scope parts are stated beside
 * the criterion; a criterion with nothing but out-of-scope parts is {@link CriterionStatus#OUT_OF_SCOPE}. Pure.
 *
 * @param missing    one line per check not run: what, and the fix
 * @param outOfScope one line per part declared out of scope: what, and the key that declares it
 */
record NotRunFacts(List<String> missing, List<String> outOfScope) {

    NotRunFacts {
        missing = List.copyOf(missing);
        outOfScope = List.copyOf(outOfScope);
    }

    /**
     * Collects the facts among {@code facts} (measurements of the criterion that are about the run) and the skipped
     * tests among {@code behind} that serve it; a skipped test with a fact of its own is counted once, by the fact.
     */
    static NotRunFacts of(List<Measurement> facts, List<TestOutcome> serving) {
        Set<String> missing = new LinkedHashSet<>();
        Set<String> outOfScope = new LinkedHashSet<>();
        Set<String> explained = new LinkedHashSet<>();
        for (Measurement fact : facts) {
            if (fact.source() != null) {
                explained.add(fact.source());
            }
            if (fact.kind() == Measurement.Kind.OUT_OF_SCOPE) {
                outOfScope.add(fact.attributes().getOrDefault("what", fact.name()) + " (" + fact.attributes().getOrDefault("declaredBy", "the target file") + ")");
            } else if (fact.kind() == Measurement.Kind.NOT_RUN) {
                String fix = fact.attributes().getOrDefault("fix", "");
                missing.add(fact.attributes().getOrDefault("reason", fact.name()) + (fix.isBlank() ? "" : "; fix: " + fix));
            }
        }
        for (TestOutcome test : serving) {
            if (test.status() == TestOutcome.Status.SKIPPED && !explained.contains(test.fullName())) {
                missing.add("test skipped: " + TestEstimator.describe(test));
            }
        }
        return new NotRunFacts(new ArrayList<>(missing), new ArrayList<>(outOfScope));
    }

    boolean none() {
        return missing.isEmpty() && outOfScope.isEmpty();
    }

    /** {@code judged} — what the checks that ran say — with what was not looked at taken into account. */
    CriterionResult applyTo(CriterionResult judged) {
        if (none()) {
            return judged;
        }
        List<String> scope = new ArrayList<>();
        missing.forEach(m -> scope.add("not run: " + m));
        outOfScope.forEach(o -> scope.add("out of scope: " + o));
        Decision said = judged.status().contribution();
        if (said == Decision.NO_GO || said == Decision.ROLLBACK || missing.isEmpty()) {
            CriterionStatus status = judged.status() == CriterionStatus.NO_EVIDENCE && missing.isEmpty() ? CriterionStatus.OUT_OF_SCOPE : judged.status();
            String reason = status == CriterionStatus.OUT_OF_SCOPE ? "out of scope for this target: " + String.join("; ", outOfScope)
                    : judged.reason();
            return with(judged, status, reason, scope);
        }
        return with(judged, CriterionStatus.NOT_RUN, "evidence missing: " + String.join("; ", missing)
                + (judged.status() == CriterionStatus.NO_EVIDENCE ? "" : " (what did run: " + judged.status().label() + ", " + judged.reason() + ")"),
                scope);
    }

    private static CriterionResult with(CriterionResult r, CriterionStatus status, String reason, List<String> scope) {
        return new CriterionResult(r.spec(), status, reason, r.estimate(), r.minDuration(), r.tests(), r.attachments(), scope);
    }
}
