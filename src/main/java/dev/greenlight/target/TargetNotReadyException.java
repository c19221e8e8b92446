package dev.greenlight.target;

/** The target did not become ready in time, or could not be started; the message says why and what it saw. */
public final class TargetNotReadyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TargetNotReadyException(String message) {
        super(message);
    }

    public TargetNotReadyException(String message, Throwable cause) {
        super(message, cause);
    }
}
