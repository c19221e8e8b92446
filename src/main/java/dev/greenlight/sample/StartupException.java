package dev.greenlight.sample;

/** The app could not start; {@link #exitCode()} is what {@code main} exits with. */
public class StartupException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    public StartupException(String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
