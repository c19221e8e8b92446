package dev.greenlight.sample.db;

import dev.greenlight.sample.metrics.AppMetrics;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small connection pool shaped like the ones behind Prisma: at most {@code max} connections,
 * opened lazily, handed out first-come first-served (a fair semaphore). With a wait limit it fails
 * like Prisma 6 (P2024); without one it waits forever like {@code pg.Pool} behind Prisma 7's adapter,
 * so exhaustion shows as latency.
 */
public final class ConnectionPool implements AutoCloseable, AppMetrics.PoolReadings {

    /** Opens one new physical connection. */
    @FunctionalInterface
    public interface Opener {
        Connection open() throws SQLException;
    }

    private final int max;
    private final Duration waitLimit;
    private final Opener opener;
    private final Semaphore permits;
    private final Deque<Connection> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger total = new AtomicInteger();
    private final AtomicInteger waiting = new AtomicInteger();
    private final java.util.Map<Connection, Long> releasedAt = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.ScheduledExecutorService evictor;
    private volatile boolean closed;

    /**
     * @param max       the pool size
     * @param waitLimit how long a request may wait for a connection, or {@code null} for no limit
     * @param opener    opens a physical connection
     */
    public ConnectionPool(int max, Duration waitLimit, Opener opener) {
        this(max, waitLimit, null, opener);
    }

    /**
     * @param idleTimeout how long a connection may sit idle before it is closed (node-postgres' {@code idleTimeoutMillis},
     *                    10 s by default there), or {@code null} to keep idle connections open
     */
    public ConnectionPool(int max, Duration waitLimit, Duration idleTimeout, Opener opener) {
        this.max = max;
        this.waitLimit = waitLimit;
        this.opener = opener;
        this.permits = new Semaphore(max, true);
        if (idleTimeout == null || idleTimeout.isZero()) {
            evictor = null;
        } else {
            evictor = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "pool-idle-evictor");
                thread.setDaemon(true);
                return thread;
            });
            long every = Math.max(50, Math.min(1000, idleTimeout.toMillis() / 4));
            evictor.scheduleWithFixedDelay(() -> evictIdle(idleTimeout), every, every, TimeUnit.MILLISECONDS);
        }
    }

    /** Closes connections idle longer than {@code timeout}; a connection taken meanwhile is not touched (remove fails). */
    private void evictIdle(Duration timeout) {
        long now = System.nanoTime();
        for (Connection connection : idle) {
            Long since = releasedAt.get(connection);
            if (since != null && now - since > timeout.toNanos() && idle.remove(connection)) {
                releasedAt.remove(connection);
                closeQuietly(connection);
                total.decrementAndGet();
            }
        }
    }

    /**
     * Checks out a connection, opening one if none is idle.
     *
     * @throws PrismaException P2024 when the wait limit passes
     * @throws SQLException    when a new connection cannot be opened
     */
    public Connection acquire() throws SQLException {
        if (closed) {
            throw new SQLException("Connection pool is closed", "08003");
        }
        try {
            // tryAcquire with a timeout (even 0) keeps the fair queue; a queued request counts as waiting.
            if (!permits.tryAcquire(0, TimeUnit.NANOSECONDS)) {
                waiting.incrementAndGet();
                try {
                    if (waitLimit == null) {
                        permits.acquire();
                    } else if (!permits.tryAcquire(waitLimit.toNanos(), TimeUnit.NANOSECONDS)) {
                        throw PrismaException.poolTimeout(waitLimit, max);
                    }
                } finally {
                    waiting.decrementAndGet();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("Interrupted while waiting for a pool connection", "08000", e);
        }
        try {
            Connection connection;
            while ((connection = idle.pollFirst()) != null) {
                if (!connection.isClosed()) {
                    return connection;
                }
                total.decrementAndGet();
            }
            connection = opener.open();
            total.incrementAndGet();
            return connection;
        } catch (SQLException | RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    /** Returns a healthy connection to the pool. */
    public void release(Connection connection) {
        if (closed) {
            closeQuietly(connection);
            total.decrementAndGet();
        } else {
            if (evictor != null) {
                releasedAt.put(connection, System.nanoTime());
            }
            idle.addFirst(connection);
        }
        permits.release();
    }

    /** Closes a broken connection instead of returning it. */
    public void discard(Connection connection) {
        closeQuietly(connection);
        total.decrementAndGet();
        permits.release();
    }

    @Override
    public int max() {
        return max;
    }

    @Override
    public int total() {
        return total.get();
    }

    @Override
    public int idle() {
        return idle.size();
    }

    @Override
    public int waiting() {
        return waiting.get();
    }

    /** Closes idle connections; connections in use are closed when they come back. */
    @Override
    public void close() {
        closed = true;
        if (evictor != null) {
            evictor.shutdownNow();
        }
        Connection connection;
        while ((connection = idle.pollFirst()) != null) {
            closeQuietly(connection);
            total.decrementAndGet();
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // already broken; nothing to do
        }
    }
}
