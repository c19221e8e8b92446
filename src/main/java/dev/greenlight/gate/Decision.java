package dev.greenlight.gate;

/**
 * The gate's decision, in the order the rules try them: ROLLBACK if any rollback condition holds, else NO-GO if
 * any no-go condition holds, else GO if every GO condition holds with enough evidence, else HOLD.
 */
public enum Decision {
    /** Every GO condition holds with enough evidence. */
    GO("GO", 0),
    /** Not enough evidence, or evidence across a line: extend the observation. Never a pass. */
    HOLD("HOLD", 20),
    /** A no-go condition holds: do not proceed. */
    NO_GO("NO-GO", 30),
    /** A rollback condition holds: roll back now. */
    ROLLBACK("ROLLBACK", 40);

    /** Exit code of a GO that still waits for required sign-offs. */
    public static final int GO_AWAITING_SIGN_OFF_EXIT = 10;
    /** Exit code for bad input: missing directories, an invalid criteria or sign-off file. */
    public static final int BAD_INPUT_EXIT = 2;

    private final String label;
    private final int exitCode;

    Decision(String label, int exitCode) {
        this.label = label;
        this.exitCode = exitCode;
    }

    /** As shown: {@code GO}, {@code HOLD}, {@code NO-GO}, {@code ROLLBACK}. */
    public String label() {
        return label;
    }

    /** The process exit code for this decision (a GO awaiting sign-off exits {@value #GO_AWAITING_SIGN_OFF_EXIT}). */
    public int exitCode() {
        return exitCode;
    }
}
