package dev.greenlight.critical.api;

import org.opentest4j.AssertionFailedError;

/**
 * The application answered a call against its contract: {@code PUT /publish/12 answered 500, expected 200: {...}}.
 * A failure of the application, not of the test, so it is an assertion failure; the whole exchange is in the
 * report as the call's step.
 */
public final class UnexpectedAnswer extends AssertionFailedError {

    private static final long serialVersionUID = 1L;
    private static final int MAX_BODY = 500;

    private final int status;

    public UnexpectedAnswer(String call, int status, String expected, String body) {
        super(call + " answered " + status + ", expected " + expected + ": " + abbreviate(body));
        this.status = status;
    }

    public int status() {
        return status;
    }

    static String abbreviate(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ").strip();
        if (flat.isEmpty()) {
            return "(empty body)";
        }
        return flat.length() > MAX_BODY ? flat.substring(0, MAX_BODY) + "…" : flat;
    }
}
