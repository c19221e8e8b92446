package dev.greenlight.soak.monitor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Watches the target while the load runs: every {@code scrapeEvery} it scrapes the metrics and (when a database
 * is configured) checks PostgreSQL, on a thread of its own so a slow answer never delays the load. Each interval
 * is closed with {@link #closeInterval()}; only the current interval's readings are held.
 */
public final class Monitor implements AutoCloseable {

    private final MetricsProbe metrics;
    private final PostgresProbe postgres;
    private final Consumer<TargetReading> onReading;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "greenlight-soak-monitor");
        thread.setDaemon(true);
        return thread;
    });
    private final List<TargetReading> targets = new ArrayList<>();
    private final List<DbReading> dbs = new ArrayList<>();
    private TargetReading previousTarget;
    private DbReading previousDb;
    private long intervalStart = System.nanoTime();

    /**
     * @param metrics   the metrics scraper
     * @param postgres  the PostgreSQL probe, or null when no database is configured
     * @param onReading told of every scrape (e.g. to feed the memory series)
     */
    public Monitor(MetricsProbe metrics, PostgresProbe postgres, Consumer<TargetReading> onReading) {
        this.metrics = metrics;
        this.postgres = postgres;
        this.onReading = onReading;
    }

    /** Takes a first reading now (the baseline for counters), then one every {@code every}. */
    public void start(Duration every) {
        scheduler.scheduleAtFixedRate(this::readOnce, 0, every.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** One reading of both sources; public so tests can drive it without the schedule. */
    public void readOnce() {
        try {
            TargetReading target = metrics.read();
            DbReading db = postgres == null ? null : postgres.read();
            synchronized (this) {
                targets.add(target);
                if (db != null) {
                    dbs.add(db);
                }
            }
            onReading.accept(target);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            synchronized (this) {
                targets.add(TargetReading.failed(System.nanoTime(), System.currentTimeMillis(), "monitor error: " + e));
            }
        }
    }

    /** Summarises the readings since the last call and starts a new interval. */
    public synchronized MonitorSummary closeInterval() {
        long now = System.nanoTime();
        MonitorSummary summary = MonitorWindow.summarise(previousTarget, targets, previousDb, dbs, intervalStart, now);
        targets.stream().filter(TargetReading::ok).reduce((a, b) -> b).ifPresent(last -> previousTarget = last);
        dbs.stream().filter(DbReading::ok).reduce((a, b) -> b).ifPresent(last -> previousDb = last);
        targets.clear();
        dbs.clear();
        intervalStart = now;
        return summary;
    }

    /** Whether {@code pg_stat_statements} is being read, and if not, why. */
    public String statementsStatus() {
        return postgres == null ? "no database configured" : postgres.statementsStatus();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (postgres != null) {
            postgres.close();
        }
    }
}
