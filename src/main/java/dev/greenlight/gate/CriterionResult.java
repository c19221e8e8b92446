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
 */
public record CriterionResult(CriterionSpec spec, CriterionStatus status, String reason, Estimate estimate,
                              Duration minDuration, List<TestOutcome> tests, List<TestOutcome.Attachment> attachments) {

    public CriterionResult {
        tests = List.copyOf(tests);
        attachments = List.copyOf(attachments);
    }

    public String id() {
        return spec.id();
    }

    /** The unit values of this row are shown in. */
    public String displayUnit() {
        return spec.displayUnit(estimate == null ? "" : estimate.unit());
    }
}
