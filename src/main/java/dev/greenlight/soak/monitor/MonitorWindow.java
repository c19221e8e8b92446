package dev.greenlight.soak.monitor;

import java.util.ArrayList;
import java.util.List;

/**
 * Reduces the readings of one interval to a {@link MonitorSummary}. Counters (CPU seconds, connection errors,
 * statement calls and time) are differenced against the last reading of the interval before, so nothing that
 * happened between two intervals is lost or counted twice.
 */
final class MonitorWindow {

    private MonitorWindow() {
    }

    static MonitorSummary summarise(TargetReading previous, List<TargetReading> targets, DbReading previousDb, List<DbReading> dbs,
                                    long startNanos, long endNanos) {
        List<TargetReading> ok = targets.stream().filter(TargetReading::ok).toList();
        String scrapeFailure = targets.stream().filter(r -> !r.ok()).reduce((a, b) -> b).map(TargetReading::failure).orElse(null);
        double cpu = Double.NaN;
        double cpuPeak = Double.NaN;
        double heapMin = Double.NaN;
        double heapMax = Double.NaN;
        double rssMin = Double.NaN;
        double rssMax = Double.NaN;
        double poolMax = Double.NaN;
        double usagePeak = Double.NaN;
        double inUseAtPeak = Double.NaN;
        double waitingPeak = Double.NaN;
        List<TargetReading> chain = new ArrayList<>();
        if (previous != null && previous.ok()) {
            chain.add(previous);
        }
        chain.addAll(ok);
        if (chain.size() >= 2) {
            TargetReading first = chain.get(0);
            TargetReading last = chain.get(chain.size() - 1);
            cpu = (last.cpuSeconds() - first.cpuSeconds()) / ((last.nanos() - first.nanos()) / 1e9);
            for (int i = 1; i < chain.size(); i++) {
                double seconds = (chain.get(i).nanos() - chain.get(i - 1).nanos()) / 1e9;
                double step = (chain.get(i).cpuSeconds() - chain.get(i - 1).cpuSeconds()) / seconds;
                cpuPeak = max(cpuPeak, step);
            }
        }
        for (TargetReading reading : ok) {
            heapMin = min(heapMin, reading.heapBytes());
            heapMax = max(heapMax, reading.heapBytes());
            rssMin = min(rssMin, reading.residentBytes());
            rssMax = max(rssMax, reading.residentBytes());
            poolMax = Double.isNaN(reading.poolMax()) ? poolMax : reading.poolMax();
            waitingPeak = max(waitingPeak, reading.poolWaiting());
            double usage = reading.poolUsage();
            if (!Double.isNaN(usage) && (Double.isNaN(usagePeak) || usage > usagePeak)) {
                usagePeak = usage;
                inUseAtPeak = reading.poolInUse();
            }
        }
        double connectionErrors = chain.size() >= 2
                ? chain.get(chain.size() - 1).connectionErrors() - chain.get(0).connectionErrors() : Double.NaN;

        List<DbReading> dbOk = dbs.stream().filter(DbReading::ok).toList();
        String dbFailure = dbs.stream().filter(r -> !r.ok()).reduce((a, b) -> b).map(DbReading::failure).orElse(null);
        long connectionsPeak = dbOk.stream().mapToLong(DbReading::connections).max().orElse(-1);
        long maxConnections = dbOk.stream().mapToLong(DbReading::maxConnections).max().orElse(-1);

        double queryMillis = Double.NaN;
        double queries = Double.NaN;
        String source = "none";
        DbReading lastDb = dbOk.isEmpty() ? null : dbOk.get(dbOk.size() - 1);
        DbReading firstDb = previousDb != null && previousDb.ok() ? previousDb : (dbOk.size() >= 2 ? dbOk.get(0) : null);
        if (lastDb != null && firstDb != null && lastDb != firstDb && lastDb.statementsAvailable() && firstDb.statementsAvailable()
                && lastDb.calls() >= firstDb.calls()) {
            queries = lastDb.calls() - firstDb.calls();
            queryMillis = queries > 0 ? (lastDb.totalExecMillis() - firstDb.totalExecMillis()) / queries : Double.NaN;
            source = "pg_stat_statements";
        } else if (chain.size() >= 2) {
            TargetReading first = chain.get(0);
            TargetReading last = chain.get(chain.size() - 1);
            double count = last.dbQueryCount() - first.dbQueryCount();
            if (!Double.isNaN(count) && count >= 0) {
                queries = count;
                queryMillis = count > 0 ? (last.dbQuerySeconds() - first.dbQuerySeconds()) * 1000.0 / count : Double.NaN;
                source = "application histogram";
            }
        }
        return new MonitorSummary(targets.size(), targets.size() - ok.size(), scrapeFailure, cpu, cpuPeak, heapMin, heapMax,
                rssMin, rssMax, poolMax, usagePeak, inUseAtPeak, waitingPeak, connectionErrors, dbs.size(),
                dbs.size() - dbOk.size(), dbFailure, connectionsPeak, maxConnections, queryMillis, queries, source);
    }

    private static double min(double current, double value) {
        if (Double.isNaN(value)) {
            return current;
        }
        return Double.isNaN(current) ? value : Math.min(current, value);
    }

    private static double max(double current, double value) {
        if (Double.isNaN(value)) {
            return current;
        }
        return Double.isNaN(current) ? value : Math.max(current, value);
    }
}
