package dev.greenlight.sample.db;

import java.sql.SQLException;

/** A database error that is not a lost connection: a constraint violation or a bug. */
public final class DataException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DataException(SQLException cause) {
        super(cause.getMessage(), cause);
    }

    /** The SQLSTATE, e.g. {@code 23505} for a unique violation. */
    public String sqlState() {
        String state = ((SQLException) getCause()).getSQLState();
        return state == null ? "" : state;
    }

    public boolean isUniqueViolation() {
        return sqlState().equals("23505");
    }
}
