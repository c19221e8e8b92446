package dev.greenlight.soak.monitor;

/**
 * What monitoring saw in one interval. Unknown values are NaN (the target does not expose the metric, or every
 * scrape failed).
 *
 * @param scrapes          metric scrapes attempted
 * @param failedScrapes    of which failed
 * @param scrapeFailure    the last failure, or null
 * @param cpu              CPU used, as a fraction of one core, over the interval
 * @param cpuPeak          the highest CPU between two consecutive scrapes
 * @param heapMin          lowest live heap seen (bytes)
 * @param heapMax          highest live heap seen
 * @param residentMin      lowest resident memory seen (bytes)
 * @param residentMax      highest resident memory seen
 * @param poolMax          pool size
 * @param poolUsagePeak    highest (in use + waiting) / pool size
 * @param poolInUsePeak    at that scrape: connections in use
 * @param poolWaitingPeak  highest number of clients waiting for a connection
 * @param appConnectionErrors increase of the application's connection-error counter
 * @param dbChecks         PostgreSQL checks attempted
 * @param dbFailedChecks   of which failed to connect or read
 * @param dbFailure        the last failure, or null
 * @param dbConnectionsPeak most sessions seen on the application's database
 * @param maxConnections   the server's {@code max_connections}, or -1
 * @param dbQueryMillis    mean query time in the interval (ms)
 * @param dbQueries        queries in the interval
 * @param dbQuerySource    where the query time came from: {@code pg_stat_statements}, {@code application histogram}
 *                         or {@code none}
 */
public record MonitorSummary(
        int scrapes,
        int failedScrapes,
        String scrapeFailure,
        double cpu,
        double cpuPeak,
        double heapMin,
        double heapMax,
        double residentMin,
        double residentMax,
        double poolMax,
        double poolUsagePeak,
        double poolInUsePeak,
        double poolWaitingPeak,
        double appConnectionErrors,
        int dbChecks,
        int dbFailedChecks,
        String dbFailure,
        long dbConnectionsPeak,
        long maxConnections,
        double dbQueryMillis,
        double dbQueries,
        String dbQuerySource) {

    /** Connection failures in the interval: the application's counter increase plus failed checks of our own. */
    public long connectionFailures() {
        long app = Double.isNaN(appConnectionErrors) ? 0 : Math.max(0, Math.round(appConnectionErrors));
        return app + dbFailedChecks;
    }

    /** How many connection attempts the failures are counted out of: our checks, plus the app's failures. */
    public long connectionChecks() {
        return dbChecks + (Double.isNaN(appConnectionErrors) ? 0 : Math.max(0, Math.round(appConnectionErrors)));
    }
}
