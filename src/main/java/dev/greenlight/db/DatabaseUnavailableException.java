package dev.greenlight.db;

/**
 * The database could not be reached or refused a query; the message says where and why, secrets masked. A database
 * that is down or unreachable is the application's trouble (a connection failure the gate counts); one that refuses
 * Greenlight's own role is {@link DatabaseAccessRefused}, the harness's.
 */
public class DatabaseUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DatabaseUnavailableException(String message) {
        super(message);
    }

    public DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
