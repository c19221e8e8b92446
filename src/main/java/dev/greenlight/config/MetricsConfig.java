package dev.greenlight.config;

/**
 * Where the application's Prometheus text is, and the names it uses for what the soak watches.
 *
 * @param path  relative to {@code app.baseUrl} (e.g. {@code /metrics}), or an absolute URL
 * @param names metric names; defaults are those of a Node.js app with prom-client and the {@code pg} pool
 */
public record MetricsConfig(String path, MetricNames names) {

    public MetricsConfig {
        path = path == null ? "/metrics" : path;
        names = names == null ? new MetricNames(null, null, null, null, null, null, null, null, null, null) : names;
    }

    /**
     * @param residentMemory   resident set size in bytes
     * @param heapUsed         live heap in bytes (what a leak grows)
     * @param cpuSeconds       counter of CPU seconds used by the process
     * @param httpDuration     request duration histogram (seconds)
     * @param dbQueryDuration  database query duration histogram (seconds)
     * @param poolMax          configured pool size
     * @param poolTotal        connections open
     * @param poolIdle         connections open and idle
     * @param poolWaiting      clients waiting for a connection
     * @param dbConnectionErrors counter of failed connection attempts
     */
    public record MetricNames(
            String residentMemory,
            String heapUsed,
            String cpuSeconds,
            String httpDuration,
            String dbQueryDuration,
            String poolMax,
            String poolTotal,
            String poolIdle,
            String poolWaiting,
            String dbConnectionErrors) {

        public MetricNames {
            residentMemory = residentMemory == null ? "process_resident_memory_bytes" : residentMemory;
            heapUsed = heapUsed == null ? "nodejs_heap_size_used_bytes" : heapUsed;
            cpuSeconds = cpuSeconds == null ? "process_cpu_seconds_total" : cpuSeconds;
            httpDuration = httpDuration == null ? "http_request_duration_seconds" : httpDuration;
            dbQueryDuration = dbQueryDuration == null ? "db_query_duration_seconds" : dbQueryDuration;
            poolMax = poolMax == null ? "pg_pool_max_connections" : poolMax;
            poolTotal = poolTotal == null ? "pg_pool_total_connections" : poolTotal;
            poolIdle = poolIdle == null ? "pg_pool_idle_connections" : poolIdle;
            poolWaiting = poolWaiting == null ? "pg_pool_waiting_clients" : poolWaiting;
            dbConnectionErrors = dbConnectionErrors == null ? "db_connection_errors_total" : dbConnectionErrors;
        }
    }
}
