package dev.greenlight.run;

import org.opentest4j.TestAbortedException;

import java.util.Optional;

/**
 * A check the harness could not run ({@link HarnessTrouble}), or one the target file declares out of scope. JUnit
 * reports it as aborted and Allure as skipped with this message; the evidence gets a {@code NOT_RUN} (or
 * {@code OUT_OF_SCOPE}) fact for each criterion the test serves, so the gate holds those criteria instead of judging
 * the application on what was never looked at.
 */
public final class NotRun extends TestAbortedException {

    private static final long serialVersionUID = 1L;

    private final String reason;
    private final String fix;
    private final String declaredBy;

    private NotRun(String message, String reason, String fix, String declaredBy, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.fix = fix;
        this.declaredBy = declaredBy;
    }

    /** The harness could not run the check: {@code reason}, and the {@code fix}. */
    public static NotRun because(String reason, String fix) {
        return new NotRun(message(reason, fix), reason, fix, null, null);
    }

    /** The target file declares the check out of scope; {@code declaredBy} names the key and the file. */
    public static NotRun outOfScope(String what, String declaredBy) {
        return new NotRun("out of scope for this target: " + what + " (" + declaredBy + ")", what, "", declaredBy, null);
    }

    /**
     * The harness's trouble behind {@code failure}, if that is what it is: the first {@link HarnessTrouble} in its cause
     * chain (a parameter resolver or a lifecycle method wraps what it met), or a {@link NotRun} already.
     */
    public static Optional<NotRun> of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof NotRun notRun) {
                return Optional.of(notRun);
            }
            if (t instanceof HarnessTrouble trouble) {
                return Optional.of(new NotRun(message(trouble.reason(), trouble.fix()), trouble.reason(), trouble.fix(), null, t));
            }
        }
        return Optional.empty();
    }

    private static String message(String reason, String fix) {
        return "not run: " + reason + (fix == null || fix.isBlank() ? "" : " — fix: " + fix);
    }

    public String reason() {
        return reason;
    }

    public String fix() {
        return fix;
    }

    /** Whether the target declared it out of scope (rather than the harness failing to run it). */
    public boolean outOfScope() {
        return declaredBy != null;
    }

    /** The key and file that declare it out of scope; null when it is not. */
    public String declaredBy() {
        return declaredBy;
    }
}
