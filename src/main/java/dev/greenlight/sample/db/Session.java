package dev.greenlight.sample.db;

import dev.greenlight.sample.metrics.AppMetrics;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One checked-out connection. Every statement is timed into {@code db_query_duration_seconds} under a
 * Prisma-like label such as {@code Post.findMany}; with the slow-queries fault each statement first
 * spends that long inside the database, within the same timing.
 */
public final class Session {

    /** Maps the current row. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private final Connection connection;
    private final AppMetrics metrics;
    private final Duration slowQueries;

    Session(Connection connection, AppMetrics metrics, Duration slowQueries) {
        this.connection = connection;
        this.metrics = metrics;
        this.slowQueries = slowQueries;
    }

    /** Runs a query and maps every row. */
    public <T> List<T> query(String label, String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        long start = System.nanoTime();
        try {
            simulateSlowDatabase();
            try (PreparedStatement statement = prepare(sql, params); ResultSet rows = statement.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(mapper.map(rows));
                }
                return result;
            }
        } finally {
            observe(label, start);
        }
    }

    /** Runs a query expected to return at most one row. */
    public <T> Optional<T> queryOne(String label, String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        List<T> rows = query(label, sql, mapper, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** Runs a statement that returns no rows; answers the update count. */
    public int update(String label, String sql, Object... params) throws SQLException {
        long start = System.nanoTime();
        try {
            simulateSlowDatabase();
            try (PreparedStatement statement = prepare(sql, params)) {
                return statement.executeUpdate();
            }
        } finally {
            observe(label, start);
        }
    }

    private void simulateSlowDatabase() throws SQLException {
        if (slowQueries != null && !slowQueries.isZero()) {
            try (PreparedStatement sleep = connection.prepareStatement("SELECT pg_sleep(?)")) {
                sleep.setDouble(1, slowQueries.toNanos() / 1e9);
                sleep.execute();
            }
        }
    }

    private PreparedStatement prepare(String sql, Object... params) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            return statement;
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }

    private void observe(String label, long startNanos) {
        int dot = label.indexOf('.');
        String model = dot < 0 ? label : label.substring(0, dot);
        String operation = dot < 0 ? "query" : label.substring(dot + 1);
        metrics.observeQuery(model, operation, (System.nanoTime() - startNanos) / 1e9);
    }
}
