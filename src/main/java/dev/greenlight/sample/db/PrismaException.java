package dev.greenlight.sample.db;

import java.time.Duration;

/** A Prisma-coded error (P1001, P2024) with the HTTP status a Prisma app would end up answering. */
public final class PrismaException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final int httpStatus;

    private PrismaException(String code, String message, int httpStatus, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.httpStatus = httpStatus;
    }

    /** P1001: the database server cannot be reached; the app answers 503. */
    public static PrismaException cantReach(String hostAndPort, Throwable cause) {
        return new PrismaException("P1001", "Can't reach database server at " + hostAndPort, 503, cause);
    }

    /** P2024: no pool connection within the pool timeout (Prisma 6 only); the app answers 500. */
    public static PrismaException poolTimeout(Duration timeout, int limit) {
        String seconds = timeout.toMillis() % 1000 == 0 ? Long.toString(timeout.toSeconds())
                : Double.toString(timeout.toMillis() / 1000.0);
        return new PrismaException("P2024", "Timed out fetching a new connection from the connection pool. "
                + "More info: http://pris.ly/d/connection-pool (Current connection pool timeout: " + seconds
                + ", connection limit: " + limit + ")", 500, null);
    }

    public String code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** How Prisma's error reads in a log line, e.g. {@code PrismaClientKnownRequestError P2024: ...}. */
    public String logText() {
        String kind = code.equals("P1001") ? "PrismaClientInitializationError" : "PrismaClientKnownRequestError";
        return kind + " " + code + ": " + getMessage()
                + (getCause() == null ? "" : " (" + getCause().getClass().getSimpleName() + ": " + getCause().getMessage() + ")");
    }
}
