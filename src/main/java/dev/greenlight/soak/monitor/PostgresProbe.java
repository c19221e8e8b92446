package dev.greenlight.soak.monitor;

import dev.greenlight.db.DatabaseUnavailableException;
import dev.greenlight.db.ReadOnlyDatabase;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Reads PostgreSQL's own view of the application's database on one read-only session, reconnecting after a
 * failure: sessions against {@code max_connections} from {@code pg_stat_activity}, and statement counts and time
 * from {@code pg_stat_statements} where that extension is installed and loaded (otherwise it says so, and the
 * soak falls back to the application's own query histogram). A check that cannot connect or read is a failed
 * reading, counted as a connection failure.
 */
public final class PostgresProbe implements AutoCloseable {

    private static final String ACTIVITY = """
            SELECT (SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()),
                   (SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()
                       AND state = 'active'),
                   current_setting('max_connections')::int""";
    private static final String STATEMENTS = """
            SELECT coalesce(sum(calls), 0), coalesce(sum(total_exec_time), 0)
              FROM pg_stat_statements
             WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
               AND userid <> (SELECT oid FROM pg_roles WHERE rolname = current_user)
               AND query !~* '^\\s*(BEGIN|COMMIT|ROLLBACK|START TRANSACTION|SAVEPOINT|RELEASE|SET|SHOW|RESET|DISCARD|DEALLOCATE)\\M'""";

    private final ReadOnlyDatabase database;
    private Connection connection;
    private Boolean statements;
    private String statementsWhyNot = "not checked yet";

    public PostgresProbe(ReadOnlyDatabase database) {
        this.database = database;
    }

    /** Whether {@code pg_stat_statements} could be read at the last check, and if not, why. */
    public synchronized String statementsStatus() {
        return Boolean.TRUE.equals(statements) ? "available" : statementsWhyNot;
    }

    public synchronized DbReading read() {
        long nanos = System.nanoTime();
        try {
            if (connection == null || connection.isClosed()) {
                connection = database.open();
            }
            long connections;
            long active;
            long max;
            try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(ACTIVITY)) {
                row.next();
                connections = row.getLong(1);
                active = row.getLong(2);
                max = row.getLong(3);
            }
            double calls = Double.NaN;
            double time = Double.NaN;
            if (statements == null || statements) {
                try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(STATEMENTS)) {
                    row.next();
                    calls = row.getDouble(1);
                    time = row.getDouble(2);
                    statements = true;
                } catch (SQLException e) {
                    statements = false;
                    statementsWhyNot = "pg_stat_statements cannot be read: " + firstLine(e.getMessage());
                }
            }
            return new DbReading(nanos, true, null, connections, active, max, Boolean.TRUE.equals(statements), calls, time);
        } catch (SQLException | DatabaseUnavailableException e) {
            closeQuietly();
            return DbReading.failed(nanos, firstLine(e.getMessage()));
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private void closeQuietly() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // it is broken already
            }
            connection = null;
        }
    }

    @Override
    public synchronized void close() {
        closeQuietly();
    }
}
