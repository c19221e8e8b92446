package dev.greenlight.gate;

import java.time.Duration;
import java.util.List;

/**
 * One row of the verdict: a criterion, how it came out and why, and what stands behind it.
 *
 * @param spec        the criterion
 * @param status      how it came out
 * @param reason      one sentence for the reviewer
 * @param estimate    the value judged (the worst one when each measurement is judged alone); null without evidence
 * @param minDuration the minimum observation in force (after any override); null for none
 * @param tests       the acceptance tests behind it: labelled with it, or the source of its measurements
 * @param attachments the evidence attachments of those tests
 * @param scope       what was left out of it and why, stated beside it: checks not run (the harness's trouble) and
 *                    parts the target declares out of scope; empty when everything behind it ran
 */
public record CriterionResult(CriterionSpec spec, CriterionStatus status, String reason, Estimate estimate,
                              Duration minDuration, List<TestOutcome> tests, List<TestOutcome.Attachment> attachments,
                              List<String> scope) {

    public CriterionResult {
        tests = List.copyOf(tests);
        attachments = List.copyOf(attachments);
        scope = scope == null ? List.of() : List.copyOf(scope);
    }

    /** A result with nothing left out of it. */
    public CriterionResult(CriterionSpec spec, CriterionStatus status, String reason, Estimate estimate,
                           Duration minDuration, List<TestOutcome> tests, List<TestOutcome.Attachment> attachments) {
        this(spec, status, reason, estimate, minDuration, tests, attachments, List.of());
    }

    public String id() {
        return spec.id();
    }

    /** The measured value for people: in the display unit, with a sign for a change; "2 of 5 signed GO" for sign-off. */
    public String measuredText() {
        if (estimate == null || (estimate.samples() == 0 && spec.source() != CriterionSpec.Source.SIGN_OFF)) {
            return "—";
        }
        if (spec.source() == CriterionSpec.Source.SIGN_OFF) {
            return Math.round(estimate.value()) + " of " + estimate.samples() + " signed GO";
        }
        String sign = spec.statistic().kind() == Statistic.Kind.CHANGE && estimate.value() > 0 ? "+" : "";
        return sign + Quantities.format(estimate.value(), estimate.unit(), displayUnit());
    }

    /** The interval for people, or "—" when the value is judged as counted or observed. */
    public String intervalText() {
        return estimate == null || !estimate.hasInterval() ? "—"
                : Quantities.interval(estimate.low(), estimate.high(), estimate.unit(), displayUnit());
    }

    /** The sample count for people: "12,345 requests"; "—" for sign-off. */
    public String samplesText() {
        return estimate == null || spec.source() == CriterionSpec.Source.SIGN_OFF ? "—"
                : Quantities.count(estimate.samples()) + " " + spec.samplesName();
    }

    /** The unit values of this row are shown in. */
    public String displayUnit() {
        return spec.displayUnit(estimate == null ? "" : estimate.unit());
    }
}
