package dev.greenlight.sample.db;

import dev.greenlight.sample.fault.FaultSpec;
import dev.greenlight.sample.metrics.AppMetrics;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * The app's way into PostgreSQL: checks a connection out of the pool for one unit of work and maps
 * failures the way a Prisma client surfaces them. A lost connection (or the {@code db=down} fault)
 * becomes P1001 and counts in {@code db_connection_errors_total}; other SQL errors become
 * {@link DataException}.
 */
public final class Database {

    /** Work done on one session. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Session session) throws SQLException;
    }

    private final ConnectionPool pool;
    private final AppMetrics metrics;
    private final Supplier<FaultSpec> faults;
    private final String hostAndPort;
    private final java.time.Duration timeout;

    public Database(ConnectionPool pool, AppMetrics metrics, Supplier<FaultSpec> faults, String hostAndPort) {
        this(pool, metrics, faults, hostAndPort, java.time.Duration.ofSeconds(2));
    }

    /** @param timeout the longest a query waits for a database that does not answer ({@code DB_TIMEOUT_MS}) */
    public Database(ConnectionPool pool, AppMetrics metrics, Supplier<FaultSpec> faults, String hostAndPort, java.time.Duration timeout) {
        this.pool = pool;
        this.metrics = metrics;
        this.faults = faults;
        this.hostAndPort = hostAndPort;
        this.timeout = timeout;
    }

    /** The faults active now (the store reads the time-zone fault from here). */
    public FaultSpec faults() {
        return faults.get();
    }

    /** Runs the work in autocommit mode. */
    public <T> T run(Work<T> work) {
        return execute(work, false);
    }

    /** Runs the work in one transaction, rolled back if it throws. */
    public <T> T transaction(Work<T> work) {
        return execute(work, true);
    }

    /** {@code SELECT 1} through the pool; answers the round trip in milliseconds, pool wait included. */
    public double ping() {
        long start = System.nanoTime();
        run(session -> session.query("$raw.queryRaw", "SELECT 1", row -> row.getInt(1)));
        return (System.nanoTime() - start) / 1e6;
    }

    /** Checks a connection out and never gives it back (the pool-leak fault); release with {@link #giveBack}. */
    public Connection leakConnection() {
        try {
            return pool.acquire();
        } catch (SQLException e) {
            throw unreachable(e);
        }
    }

    /** Returns a connection taken by {@link #leakConnection()}. */
    public void giveBack(Connection connection) {
        pool.release(connection);
    }

    private <T> T execute(Work<T> work, boolean transactional) {
        FaultSpec spec = faults.get();
        if (spec.dbDown()) {
            throw unreachable(new SQLException("Connection refused (fault db=down)", "08001"));
        }
        if (spec.dbStalled()) {
            awaitAnswer();
        }
        Connection connection;
        try {
            connection = pool.acquire();
        } catch (SQLException e) {
            throw unreachable(e);
        }
        boolean broken = false;
        try {
            Session session = new Session(connection, metrics, spec.slowQueries().orElse(null));
            if (!transactional) {
                return work.run(session);
            }
            connection.setAutoCommit(false);
            try {
                T result = work.run(session);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection);
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            if (isConnectionLoss(e, connection)) {
                broken = true;
                throw unreachable(e);
            }
            throw new DataException(e);
        } catch (RuntimeException | Error e) {
            broken = isClosed(connection);
            throw e;
        } finally {
            if (broken) {
                pool.discard(connection);
            } else {
                pool.release(connection);
            }
        }
    }

    /**
     * With {@code db=stalled} the database does not answer: the query waits until it does, at most {@code timeout} — or,
     * with {@code pool-slow} (no limits, as node-postgres has by default), for as long as the stall lasts.
     */
    private void awaitAnswer() {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (faults.get().dbStalled()) {
            if (faults.get().poolSlow().isEmpty() && System.nanoTime() > deadline) {
                throw unreachable(new SQLException("no answer from the database within " + timeout.toMillis() + " ms (fault db=stalled)", "08006"));
            }
            dev.greenlight.sample.http.Pause.sleep(java.time.Duration.ofMillis(20));
        }
    }

    private PrismaException unreachable(SQLException cause) {
        metrics.connectionError();
        return PrismaException.cantReach(hostAndPort, cause);
    }

    private static boolean isConnectionLoss(SQLException e, Connection connection) {
        String state = e.getSQLState();
        return (state != null && (state.startsWith("08") || state.startsWith("57P"))) || isClosed(connection);
    }

    private static boolean isClosed(Connection connection) {
        try {
            return connection.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the original failure is the one worth reporting
        }
    }
}
