package dev.greenlight.sample.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * The app's metrics, one instance per running app (no global registry), rendered at {@code /metrics}.
 * Names follow prom-client's Node defaults and the {@code pg} pool behind Prisma 7's adapter.
 */
public final class AppMetrics {

    /** Request durations: Node's prom-client defaults plus 0.2/0.3/0.75 s around the latency criteria. */
    private static final double[] HTTP_BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1, 2.5, 5, 10, 30};
    private static final double[] DB_BUCKETS = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private final Histogram http = new Histogram("http_request_duration_seconds",
            "Duration of HTTP requests in seconds", List.of("method", "route", "status_code"), HTTP_BUCKETS);
    private final Histogram db = new Histogram("db_query_duration_seconds",
            "Time spent inside the database per query, measured by the app, in seconds",
            List.of("model", "operation"), DB_BUCKETS);
    private final Counter connectionErrors = new Counter("db_connection_errors_total",
            "Database connection failures (Prisma P1001)");
    private final List<Metric> metrics = new ArrayList<>();
    private final java.util.function.Supplier<java.util.Set<String>> hidden;

    /** Pool readings the gauges show. */
    public interface PoolReadings {
        int max();

        int total();

        int idle();

        int waiting();
    }

    /** Metrics whose live heap comes from {@code heap}. */
    public AppMetrics(PoolReadings pool, String appVersion, String prismaVersion, HeapSampler heap) {
        this(pool, appVersion, prismaVersion, heap, java.util.Set::of);
    }

    /** As above; the series {@code hidden} names are left out of {@link #render()} (the {@code metrics-missing} fault). */
    public AppMetrics(PoolReadings pool, String appVersion, String prismaVersion, HeapSampler heap,
                      java.util.function.Supplier<java.util.Set<String>> hidden) {
        this.hidden = hidden;
        metrics.add(new Gauge("process_resident_memory_bytes", "Resident memory size in bytes.",
                ProcessStats::residentMemoryBytes));
        metrics.add(new Gauge("process_cpu_seconds_total", "Total user and system CPU time spent in seconds.",
                "counter", ProcessStats::cpuSeconds));
        metrics.add(new Gauge("process_start_time_seconds", "Start time of the process since unix epoch in seconds.",
                ProcessStats::startTimeSeconds));
        metrics.add(new Gauge("nodejs_heap_size_used_bytes",
                "Live heap size in bytes (heap used right after the sampler's last full collection).",
                heap::liveHeapBytes));
        metrics.add(new Gauge("heap_sampler_last_pause_seconds",
                "Duration of the heap sampler's last full collection in seconds.", heap::lastPauseSeconds));
        metrics.add(new Gauge("heap_sampler_pause_seconds_total",
                "Time spent in the heap sampler's full collections in seconds.", "counter", heap::totalPauseSeconds));
        metrics.add(new Gauge("nodejs_heap_size_total_bytes", "Committed heap size in bytes.",
                ProcessStats::heapTotalBytes));
        metrics.add(http);
        metrics.add(db);
        metrics.add(new Gauge("pg_pool_max_connections", "Maximum number of connections in the pool.", pool::max));
        metrics.add(new Gauge("pg_pool_total_connections", "Connections open in the pool, idle or in use.", pool::total));
        metrics.add(new Gauge("pg_pool_idle_connections", "Open connections not in use.", pool::idle));
        metrics.add(new Gauge("pg_pool_waiting_clients", "Queries waiting for a connection.", pool::waiting));
        metrics.add(connectionErrors);
        metrics.add(out -> {
            Metric.header(out, "app_info", "The running app's version and Prisma version.", "gauge");
            out.append("app_info{version=\"").append(Metric.escape(appVersion)).append("\",prisma=\"")
                    .append(Metric.escape(prismaVersion)).append("\"} 1\n");
        });
    }

    /** Records one HTTP request; {@code route} is the route pattern, e.g. {@code /post/:id}. */
    public void observeRequest(String method, String route, int status, double seconds) {
        http.observe(seconds, method, route, Integer.toString(status));
    }

    /** Records one database query's time inside the database. */
    public void observeQuery(String model, String operation, double seconds) {
        db.observe(seconds, model, operation);
    }

    public void connectionError() {
        connectionErrors.inc();
    }

    public long connectionErrors() {
        return connectionErrors.get();
    }

    public long queryCount() {
        return db.count();
    }

    /** The whole exposition, Prometheus text format 0.0.4. */
    public String render() {
        StringBuilder out = new StringBuilder(8192);
        for (Metric metric : metrics) {
            metric.render(out);
        }
        java.util.Set<String> gone = hidden.get();
        if (gone.isEmpty()) {
            return out.toString();
        }
        // a series is its samples (name, name_bucket/_sum/_count) and its # HELP / # TYPE lines
        StringBuilder kept = new StringBuilder(out.length());
        for (String line : out.toString().split("\n")) {
            String name = line.startsWith("# ") ? line.split(" ").length > 2 ? line.split(" ")[2] : "" : line.split("[{ ]")[0];
            String base = name.replaceFirst("_(bucket|sum|count)$", "");
            if (!gone.contains(name) && !gone.contains(base)) {
                kept.append(line).append('\n');
            }
        }
        return kept.toString();
    }
}
