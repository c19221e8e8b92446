package dev.greenlight.soak.load;

/** How one scheduled request ended. */
public enum Outcome {
    /** A 1xx-3xx answer. */
    OK(false),
    /** A 4xx answer: not counted as an error of the target, but a sign the profile or its data is wrong. */
    CLIENT_ERROR(false),
    /** A 5xx answer. */
    SERVER_ERROR(true),
    /** No answer within the request timeout. */
    TIMEOUT(true),
    /** The connection could not be made or broke. */
    CONNECTION(true),
    /**
     * Never started: the concurrency limit stayed full for longer than the request timeout, so a real client
     * would have given up. Counted as an error, with its latency measured from when it was due.
     */
    DROPPED(true);

    private final boolean error;

    Outcome(boolean error) {
        this.error = error;
    }

    /** Whether it counts in the error rate (5xx, timeouts, connection failures, dropped starts). */
    public boolean error() {
        return error;
    }

    /** The outcome of an HTTP status. */
    public static Outcome ofStatus(int status) {
        if (status >= 500) {
            return SERVER_ERROR;
        }
        return status >= 400 ? CLIENT_ERROR : OK;
    }
}
