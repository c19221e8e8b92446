package dev.greenlight.gate;

/** How one criterion came out, and what it contributes to the decision. Ordered from best to worst. */
public enum CriterionStatus {
    /** The whole interval is on the good side of the GO line, with enough samples and observation. */
    MET("met", Decision.GO),
    /** Sign-off only: no objection, but required roles have not decided yet. GO reads "awaiting sign-off". */
    AWAITING("awaiting sign-off", Decision.GO),
    /** The target file declares everything behind it out of scope (e.g. no web UI); the verdict states it. */
    OUT_OF_SCOPE("out of scope", Decision.GO),
    /** No evidence at all for it. */
    NO_EVIDENCE("no evidence", Decision.HOLD),
    /** The harness could not run a check behind it (no browser, a probe without rights, a test skipped): evidence missing. */
    NOT_RUN("not run", Decision.HOLD),
    /** Fewer samples, or a shorter observation, than GO needs. */
    TOO_FEW("too little evidence", Decision.HOLD),
    /** The interval lies across a line: more evidence is needed to tell. */
    UNCERTAIN("uncertain", Decision.HOLD),
    /** Clearly short of the GO line (or blocked by a failed test), without crossing a no-go line. */
    NOT_MET("not met", Decision.HOLD),
    /** The evidence cannot be held against the line (e.g. units that do not compare). */
    INVALID("cannot judge", Decision.HOLD),
    /** The whole interval is past the NO-GO line. */
    NO_GO("NO-GO", Decision.NO_GO),
    /** The whole interval is past the ROLLBACK line. */
    ROLLBACK("ROLLBACK", Decision.ROLLBACK);

    private final String label;
    private final Decision contribution;

    CriterionStatus(String label, Decision contribution) {
        this.label = label;
        this.contribution = contribution;
    }

    /** For people: {@code met}, {@code too little evidence}, {@code NO-GO} ... */
    public String label() {
        return label;
    }

    /** The decision this status alone would lead to. */
    public Decision contribution() {
        return contribution;
    }

    /** The worse of the two. */
    public CriterionStatus worst(CriterionStatus other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
