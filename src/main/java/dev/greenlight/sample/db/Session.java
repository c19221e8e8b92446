package dev.greenlight.sample.db;

import dev.greenlight.sample.metrics.AppMetrics;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One checked-out connection. Every statement is timed into {@code db_query_duration_seconds} under a
 * Prisma-like label such as {@code Post.findMany}; with the slow-queries fault each statement spends that
 * much longer inside the database, in the statement itself, within
 * the same timing.
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
            try (PreparedStatement statement = prepare(slowed(sql, false), slowed(params)); ResultSet rows = statement.executeQuery()) {
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
            if (!slow()) {
                try (PreparedStatement statement = prepare(sql, params)) {
                    return statement.executeUpdate();
                }
            }
            try (PreparedStatement statement = prepare(slowed(sql, true), slowed(params)); ResultSet count = statement.executeQuery()) {
                count.next();
                return count.getInt(1);
            }
        } finally {
            observe(label, start);
        }
    }

    private boolean slow() {
        return slowQueries != null && !slowQueries.isZero();
    }

    /**
     * With the slow-queries fault, the statement wrapped so the delay is spent inside that same statement (so
     * {@code pg_stat_statements} sees its own mean rise by the delay): a read becomes a subquery, a write a
     * data-modifying CTE (which PostgreSQL runs to completion whatever the outer query reads). The delay is an
     * uncorrelated sub-select in {@code WHERE}, which PostgreSQL evaluates once, as a one-time filter, before
     * reading any row: it runs even when the statement finds nothing, and the rows keep their order. Its
     * parameter comes last. {@code countRows} answers the update count instead of the rows.
     */
    private String slowed(String sql, boolean countRows) {
        if (!slow()) {
            return sql;
        }
        String delay = " WHERE (SELECT true FROM pg_sleep(?))";
        if (countRows) {
            return "WITH q AS (" + sql + " RETURNING 1) SELECT count(*) FROM q" + delay;
        }
        boolean read = sql.stripLeading().regionMatches(true, 0, "SELECT", 0, 6);
        return read ? "SELECT q.* FROM (" + sql + ") q" + delay
                : "WITH q AS (" + sql + ") SELECT q.* FROM q" + delay;
    }

    private Object[] slowed(Object... params) {
        if (!slow()) {
            return params;
        }
        Object[] withDelay = Arrays.copyOf(params, params.length + 1);
        withDelay[params.length] = slowQueries.toNanos() / 1e9;
        return withDelay;
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
