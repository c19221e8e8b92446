package dev.greenlight.probes;

import dev.greenlight.db.ReadOnlyDatabase;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The application's database sessions as PostgreSQL sees them ({@code pg_stat_activity}), sampled while a probe runs:
 * the most backends seen at once per application instance (client address and application name), Greenlight's own
 * sessions left out. With node-postgres behind Prisma 7, one instance should never hold more than its pool's 10.
 */
public final class Backends implements AutoCloseable {

    private static final String PER_INSTANCE = """
            SELECT coalesce(host(client_addr), 'local') || ' ' || coalesce(nullif(application_name, ''), '(no name)'), count(*)
              FROM pg_stat_activity
             WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'
               AND usename <> current_user
             GROUP BY 1""";

    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "greenlight-backends");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Long> peak = new TreeMap<>();
    private final Connection connection;
    private String failure;

    private Backends(Connection connection) {
        this.connection = connection;
    }

    /** Starts sampling every 100 ms on one read-only session. */
    public static Backends sample(ReadOnlyDatabase database) {
        Backends backends = new Backends(database.open());
        backends.sampler.scheduleWithFixedDelay(backends::once, 0, 100, TimeUnit.MILLISECONDS);
        return backends;
    }

    private synchronized void once() {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(PER_INSTANCE)) {
            while (rows.next()) {
                peak.merge(rows.getString(1), rows.getLong(2), Math::max);
            }
        } catch (SQLException e) {
            failure = e.getMessage();
        }
    }

    /** The most sessions seen at once, per instance; with why sampling failed, if it did. */
    public synchronized String describe() {
        return (peak.isEmpty() ? "no application session seen" : peak.toString()) + (failure == null ? "" : " (sampling failed: " + failure + ")");
    }

    /** The most sessions one instance held at once. */
    public synchronized long peakPerInstance() {
        return peak.values().stream().mapToLong(Long::longValue).max().orElse(0);
    }

    @Override
    public void close() {
        sampler.shutdownNow();
        try {
            sampler.awaitTermination(2, TimeUnit.SECONDS);
            connection.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException e) {
            // the session is gone either way
        }
    }
}
