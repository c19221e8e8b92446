package dev.greenlight.target;

/** The configured log source could not be read; the message names the source and the reason. */
public final class LogUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LogUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public LogUnavailableException(String message) {
        super(message);
    }
}
