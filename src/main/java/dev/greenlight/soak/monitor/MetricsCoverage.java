package dev.greenlight.soak.monitor;

import dev.greenlight.config.MetricsConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Which of the target's metrics the soak could actually read, over a whole run. A criterion fed by a metric that was
 * never read — every scrape failed, or the series named in {@code metrics.names} was never in the answer — has not
 * been checked; that is the harness's configuration (a wrong path, another app's names), so it becomes a not-run fact
 * with the fix, never a pass on nothing and never blamed on the application.
 */
public final class MetricsCoverage {

    /** A criterion that could not be checked from the metrics: the reason and the fix. */
    public record Gap(String criterion, String reason, String fix) {
    }

    private record Feed(String criterion, String key, String name, ToDoubleFunction<TargetReading> value) {
    }

    /**
     * One series of {@code metrics.names} and the criteria it feeds: the one mapping the soak's coverage and the
     * metrics-presence probe share. A series mapped to an empty name is one the application does not expose on purpose.
     *
     * @param key      the key under {@code metrics.names}, e.g. {@code poolIdle}
     * @param name     the series name, e.g. {@code pg_pool_idle_connections}
     * @param criteria the criteria it feeds; empty for a series only dashboards read
     */
    public record Series(String key, String name, List<String> criteria) {
    }

    /** Every series of {@code names}, with the criteria it feeds ({@code heapMemory}: the memory criterion reads the heap). */
    public static List<Series> mapping(MetricsConfig.MetricNames names, boolean heapMemory) {
        return List.of(
                new Series("residentMemory", names.residentMemory(), heapMemory ? List.of("memory-rss") : List.of("memory", "memory-rss")),
                new Series("heapUsed", names.heapUsed(), heapMemory ? List.of("memory") : List.of()),
                new Series("cpuSeconds", names.cpuSeconds(), List.of("cpu")),
                new Series("httpDuration", names.httpDuration(), List.of()),
                new Series("dbQueryDuration", names.dbQueryDuration(), List.of("db-query-avg")),
                new Series("poolMax", names.poolMax(), List.of("pool-usage")),
                new Series("poolTotal", names.poolTotal(), List.of("pool-usage")),
                new Series("poolIdle", names.poolIdle(), List.of("pool-usage")),
                new Series("poolWaiting", names.poolWaiting(), List.of("pool-usage")),
                new Series("dbConnectionErrors", names.dbConnectionErrors(), List.of("db-connection")));
    }

    private final String url;
    private final List<Feed> feeds;
    private final boolean[] seen;
    private long scrapes;
    private long answered;
    private String lastFailure;

    /**
     * @param url        the metrics URL, for messages
     * @param names      the target's metric names
     * @param heapMemory whether the memory criterion reads the live heap (else resident memory)
     */
    public MetricsCoverage(String url, MetricsConfig.MetricNames names, boolean heapMemory) {
        this.url = url;
        this.feeds = List.of(
                new Feed("cpu", "cpuSeconds", names.cpuSeconds(), TargetReading::cpuSeconds),
                new Feed("pool-usage", "poolMax", names.poolMax(), TargetReading::poolMax),
                new Feed("pool-usage", "poolTotal", names.poolTotal(), TargetReading::poolTotal),
                new Feed("pool-usage", "poolIdle", names.poolIdle(), TargetReading::poolIdle),
                heapMemory ? new Feed("memory", "heapUsed", names.heapUsed(), TargetReading::heapBytes)
                        : new Feed("memory", "residentMemory", names.residentMemory(), TargetReading::residentBytes),
                new Feed("memory-rss", "residentMemory", names.residentMemory(), TargetReading::residentBytes));
        this.seen = new boolean[feeds.size()];
    }

    /** Takes one scrape into account. */
    public synchronized void accept(TargetReading reading) {
        scrapes++;
        if (!reading.ok()) {
            lastFailure = reading.failure();
            return;
        }
        answered++;
        for (int i = 0; i < feeds.size(); i++) {
            seen[i] |= !Double.isNaN(feeds.get(i).value().applyAsDouble(reading));
        }
    }

    /** The criteria the run's metrics could not feed, each once; empty when every one was read. */
    public synchronized List<Gap> gaps() {
        List<Gap> gaps = new ArrayList<>();
        if (scrapes == 0) {
            return gaps;
        }
        if (answered == 0) {
            for (String criterion : List.of("cpu", "pool-usage", "memory", "memory-rss")) {
                gaps.add(new Gap(criterion, "none of " + scrapes + " scrapes of " + url + " succeeded (last: " + lastFailure + ")",
                        "check metrics.path in the target file, and that the application exposes Prometheus text there to this machine"));
            }
            return gaps;
        }
        for (int i = 0; i < feeds.size(); i++) {
            Feed feed = feeds.get(i);
            if (!seen[i] && gaps.stream().noneMatch(g -> g.criterion().equals(feed.criterion()))) {
                gaps.add(new Gap(feed.criterion(), "metric " + feed.name() + " was in none of " + answered + " answers of " + url,
                        "set metrics.names." + feed.key() + " in the target file to the application's name for it"));
            }
        }
        return gaps;
    }
}
