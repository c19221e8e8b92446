package dev.greenlight.db;

import dev.greenlight.run.HarnessTrouble;

import java.sql.SQLException;
import java.util.Set;

/**
 * The database answered, but refused Greenlight's own session: its role cannot log in, lacks the rights a check needs,
 * names a database that is not there, or is not read-only. That is the harness's configuration, not the application's
 * health, so the check is not run (HOLD) and the fix names the grant or the key.
 */
public final class DatabaseAccessRefused extends DatabaseUnavailableException implements HarnessTrouble {

    private static final long serialVersionUID = 1L;

    /** invalid_authorization_specification, invalid_password, insufficient_privilege, invalid_catalog_name. */
    private static final Set<String> REFUSALS = Set.of("28000", "28P01", "42501", "3D000");

    private final String fix;

    public DatabaseAccessRefused(String message, String fix, Throwable cause) {
        super(message, cause);
        this.fix = fix;
    }

    /** Whether {@code e} is the server refusing this role (as opposed to the server being down, or a query's own error). */
    public static boolean refusal(SQLException e) {
        return e.getSQLState() != null && REFUSALS.contains(e.getSQLState());
    }

    /** The fix for a refusal with {@code sqlState}. */
    static String fixFor(String sqlState) {
        return switch (sqlState == null ? "" : sqlState) {
            case "42501" -> "grant Greenlight's read-only role what the check reads, e.g. GRANT pg_read_all_data, pg_monitor TO <role>";
            case "3D000" -> "fix the database name in database.jdbcUrl in the target file";
            default -> "check database.user and database.password (the environment variables the target file names)";
        };
    }

    @Override
    public String reason() {
        return getMessage();
    }

    @Override
    public String fix() {
        return fix;
    }
}
