package dev.greenlight.gate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The gate's answer: the decision, why, which criteria decided it, a row per criterion, and the inputs it stood on.
 *
 * @param decision        GO, HOLD, NO-GO or ROLLBACK
 * @param awaitingSignOff a GO that still waits for required roles to sign
 * @param reasons         sentences for the reviewer, most important first
 * @param deciding        ids of the criteria that decided it (for HOLD: those not met; for GO: empty)
 * @param rows            one per criterion, in criteria-file order
 * @param inputs          what was judged
 * @param generatedAt     when
 */
public record Verdict(Decision decision, boolean awaitingSignOff, List<String> reasons, List<String> deciding,
                      List<CriterionResult> rows, GateInputs inputs, Instant generatedAt) {

    public Verdict {
        reasons = List.copyOf(reasons);
        deciding = List.copyOf(deciding);
        rows = List.copyOf(rows);
    }

    /** {@code GO}, {@code GO — awaiting sign-off}, {@code HOLD}, {@code NO-GO} or {@code ROLLBACK}. */
    public String headline() {
        return decision.label() + (awaitingSignOff ? " — awaiting sign-off" : "");
    }

    /** 0 GO, 10 GO awaiting sign-off, 20 HOLD, 30 NO-GO, 40 ROLLBACK. */
    public int exitCode() {
        return awaitingSignOff ? Decision.GO_AWAITING_SIGN_OFF_EXIT : decision.exitCode();
    }

    public boolean incomplete() {
        return !inputs.incompleteness().isEmpty();
    }

    public Optional<CriterionResult> row(String id) {
        return rows.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** The last lines a console shows: the decision, then what decided it. */
    public List<String> summaryLines() {
        List<String> lines = new java.util.ArrayList<>();
        lines.add("Go/No-Go verdict: " + headline() + (incomplete() ? "  [evidence INCOMPLETE]" : ""));
        for (String reason : reasons) {
            lines.add("  - " + reason);
        }
        return lines;
    }
}
