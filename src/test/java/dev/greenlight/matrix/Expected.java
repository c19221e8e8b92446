package dev.greenlight.matrix;

import dev.greenlight.gate.Decision;
import dev.greenlight.gate.Verdict;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The verdicts a fault-matrix row accepts, as the issue writes them: one exact headline ("GO — awaiting
 * sign-off"), a choice ("NO-GO or HOLD"), or anything but GO.
 *
 * @param decisions       the decisions accepted
 * @param awaitingSignOff for a GO: whether it must still wait for sign-off (null: either)
 * @param text            how the README's table writes it
 * @param staleRoles      roles the verdict must name as awaited because their sign-off is stale
 */
record Expected(Set<Decision> decisions, Boolean awaitingSignOff, String text, List<String> staleRoles) {

    Expected(Set<Decision> decisions, Boolean awaitingSignOff, String text) {
        this(decisions, awaitingSignOff, text, List.of());
    }

    static Expected goAwaitingSignOff() {
        return new Expected(EnumSet.of(Decision.GO), true, "GO — awaiting sign-off");
    }

    /** "GO — awaiting sign-off", the verdict naming each of {@code stale} as awaited, its sign-off stale. */
    static Expected goAwaitingSignOff(List<String> stale) {
        return new Expected(EnumSet.of(Decision.GO), true, "GO — awaiting sign-off, stale: " + String.join(", ", stale), stale);
    }

    static Expected go() {
        return new Expected(EnumSet.of(Decision.GO), false, "GO");
    }

    static Expected exactly(Decision decision) {
        return new Expected(EnumSet.of(decision), null, decision.label());
    }

    static Expected oneOf(Decision first, Decision... more) {
        EnumSet<Decision> all = EnumSet.of(first, more);
        return new Expected(all, null, all.stream().map(Decision::label).collect(Collectors.joining(" or ")));
    }

    static Expected notGo() {
        return new Expected(EnumSet.complementOf(EnumSet.of(Decision.GO)), null, "not GO");
    }

    /** Whether any verdict but GO is accepted ("not GO"). */
    boolean anyNo() {
        return !decisions.contains(Decision.GO) && decisions.containsAll(EnumSet.of(Decision.HOLD, Decision.NO_GO, Decision.ROLLBACK));
    }

    boolean accepts(Verdict verdict) {
        return decisions.contains(verdict.decision())
                && (awaitingSignOff == null || verdict.decision() != Decision.GO || awaitingSignOff == verdict.awaitingSignOff())
                && staleRoles.stream().allMatch(role -> verdict.reasons().stream().anyMatch(r -> r.contains(role + " (stale: ")));
    }
}
