package dev.greenlight.soak;

import dev.greenlight.evidence.Measurement;
import dev.greenlight.soak.load.Outcome;
import dev.greenlight.soak.monitor.MonitorSummary;
import dev.greenlight.soak.stats.LatencyComparison;
import dev.greenlight.soak.stats.MemoryTrend;

import java.util.Locale;

/**
 * Turns a soak run into the measurements the gate judges, one set per closed interval (recorded quietly and
 * flushed, so a killed run keeps everything up to its last interval), plus the memory trend and baseline ratios.
 * Criterion ids are those of {@code suites/go-no-go.yaml}.
 */
public final class SoakEvidence {

    private final EvidenceSink sink;
    private final String profile;

    public SoakEvidence(EvidenceSink sink, String profile) {
        this.sink = sink;
        this.profile = profile;
    }

    /**
     * The interval's error rate, latency distribution, DB query time, pool, CPU and connection failures. The latency of
     * an interval that ends within the profile's warm-up goes to {@code soak-warmup-latency}, which no criterion reads:
     * a cold start (JIT, caches, the load generator's own first seconds) is not the steady state the latency criteria
     * judge, as the memory trend and the baseline comparison leave it out too. Errors count from the first request.
     */
    public void interval(IntervalRecord r, String statementsStatus, boolean warmUp) {
        String at = " (interval " + r.index() + ")";
        var load = r.load();
        sink.record(Measurement.of("error-rate", "soak HTTP error rate" + at).rate(load.errors(), load.finished())
                .window(r.from(), r.to())
                .attribute("profile", profile)
                .attribute("serverErrors", load.count(Outcome.SERVER_ERROR))
                .attribute("timeouts", load.count(Outcome.TIMEOUT))
                .attribute("connectionFailures", load.count(Outcome.CONNECTION))
                .attribute("droppedStarts", load.count(Outcome.DROPPED))
                .attribute("clientErrors4xx", load.count(Outcome.CLIENT_ERROR))
                .attribute("lateStarts", load.late())
                .attribute("maxStartLagMs", fmt(load.maxLagMicros() / 1000.0)), false);
        if (load.corrected().getTotalCount() > 0) {
            String uncorrected = fmt(load.uncorrected().getValueAtPercentile(95) / 1000.0);
            for (String criterion : warmUp ? new String[] {"soak-warmup-latency"} : new String[] {"latency-avg", "latency-p95"}) {
                sink.record(Measurement.of(criterion, "soak latency from intended start" + at).distribution(load.corrected())
                        .window(r.from(), r.to())
                        .attribute("profile", profile)
                        .attribute("p95Ms", fmt(r.p95Millis()))
                        .attribute("uncorrectedP95Ms", uncorrected), false);
            }
        }
        MonitorSummary m = r.monitor();
        if (!Double.isNaN(m.dbQueryMillis()) && m.dbQueries() > 0) {
            sink.record(Measurement.of("db-query-avg", "DB query mean time" + at).value(m.dbQueryMillis(), "ms", Math.round(m.dbQueries()))
                    .window(r.from(), r.to())
                    .attribute("source", m.dbQuerySource())
                    .attribute("pgStatStatements", statementsStatus), false);
        }
        if (!Double.isNaN(m.poolUsagePeak())) {
            sink.record(Measurement.of("pool-usage", "connection pool peak usage" + at).value(m.poolUsagePeak(), "ratio", m.scrapes() - m.failedScrapes())
                    .window(r.from(), r.to())
                    .attribute("waiting", fmt(m.poolWaitingPeak()))
                    .attribute("inUse", fmt(m.poolInUsePeak()))
                    .attribute("poolMax", fmt(m.poolMax()))
                    .attribute("dbSessionsPeak", m.dbConnectionsPeak())
                    .attribute("maxConnections", m.maxConnections()), false);
        }
        if (!Double.isNaN(m.cpu())) {
            sink.record(Measurement.of("cpu", "process CPU, fraction of one core" + at).value(m.cpu(), "cores", m.scrapes() - m.failedScrapes())
                    .window(r.from(), r.to())
                    .attribute("peak", fmt(m.cpuPeak())), false);
        }
        if (m.connectionChecks() > 0) {
            sink.record(Measurement.of("db-connection", "DB connection failures" + at).count(m.connectionFailures(), m.connectionChecks())
                    .window(r.from(), r.to())
                    .attribute("appConnectionErrors", fmt(m.appConnectionErrors()))
                    .attribute("failedChecks", m.dbFailedChecks())
                    .attribute("lastFailure", m.dbFailure() == null ? "none" : m.dbFailure()), false);
        }
    }

    /** The memory trend so far; attached at the end of the run, quiet at checkpoints. */
    public boolean memory(MemoryTrend trend, String metric, java.time.Instant from, java.time.Instant to, boolean attach) {
        if (Double.isNaN(trend.settled().slope())) {
            return false;
        }
        sink.record(Measurement.of("memory", "memory growth after warm-up (" + metric + ")")
                .value(trend.settled().slope(), "MB/h", trend.settled().points())
                .interval(trend.settled().low(), trend.settled().high())
                .window(from, to)
                .attribute("mannKendallP", fmt4(trend.settled().pValue()))
                .attribute("metric", metric)
                .attribute("levelled", trend.levelled())
                .attribute("wholeSlopeMBh", fmt(trend.whole().slope()))
                .attribute("wholeInterval", fmt(trend.whole().low()) + ".." + fmt(trend.whole().high()))
                .attribute("earlySlopeMBh", fmt(trend.early().slope())), attach);
        return true;
    }

    /**
     * The resident-memory trend ({@code memory-rss}) beside the heap's ({@code memory}): both are judged, and each says which
     * of the two grew — RSS growing while the heap stays flat is memory outside the heap (native: a driver, an allocator, a
     * Wasm engine), which a heap-only leak check never sees.
     */
    public boolean residentMemory(MemoryTrend rss, MemoryTrend heap, String metric, java.time.Instant from, java.time.Instant to, boolean attach) {
        if (Double.isNaN(rss.settled().slope())) {
            return false;
        }
        sink.record(Measurement.of("memory-rss", "resident memory growth after warm-up (" + metric + ")")
                .value(rss.settled().slope(), "MB/h", rss.settled().points())
                .interval(rss.settled().low(), rss.settled().high())
                .window(from, to)
                .attribute("mannKendallP", fmt4(rss.settled().pValue()))
                .attribute("metric", metric)
                .attribute("heapSlopeMBh", fmt(heap.settled().slope()))
                .attribute("whichGrew", whichGrew(heap, rss))
                .attribute("wholeSlopeMBh", fmt(rss.whole().slope())), attach);
        return true;
    }

    /** In words, which of the two trends grew (interval above zero): the heap, RSS, both or neither. */
    static String whichGrew(MemoryTrend heap, MemoryTrend rss) {
        boolean heapGrew = heap.settled().low() > 0;
        boolean rssGrew = rss.settled().low() > 0;
        if (heapGrew && rssGrew) {
            return "both grew: the heap, and RSS with it";
        }
        if (rssGrew) {
            return "RSS grew while the heap did not: memory outside the heap (native)";
        }
        return heapGrew ? "the heap grew, RSS did not (yet)" : "neither grew";
    }

    /**
     * The candidate's latency against the baseline's: the mean for {@code baseline} (the seed's "performance within 10 %
     * of baseline"), the p95 for {@code baseline-p95} — judged apart, because a minute's tail resolves a change far
     * more coarsely than its mean, and a target may give the tail lines of its own.
     *
     * @param against     what it was compared with, for the report: {@code 6.19.0 alongside (time-matched)} or
     *                    {@code prisma-6.19.0 (historical, not time-matched)}
     * @param timeMatched whether the baseline ran at the same time (paired), else the interval includes the run-to-run spread
     */
    public void baseline(LatencyComparison c, String against, boolean timeMatched, java.time.Duration warmUp, java.time.Instant from,
                         java.time.Instant to) {
        String comparison = timeMatched ? "time-matched: the baseline ran beside the candidate; Hodges–Lehmann ratio of the per-slice"
                + " ratios, Wilcoxon signed-rank interval"
                : "historical baseline, not time-matched: interval widened by the run-to-run spread (soak.historicalSpread)";
        for (String statistic : new String[] {"mean", "p95"}) {
            boolean mean = statistic.equals("mean");
            sink.record(Measurement.of(mean ? "baseline" : "baseline-p95", statistic + " latency vs baseline " + against)
                    .value(mean ? c.meanRatio() : c.p95Ratio(), "ratio", c.candidateCount())
                    .interval(mean ? c.meanLow() : c.p95Low(), mean ? c.meanHigh() : c.p95High()).window(from, to)
                    .attribute("statistic", statistic).attribute("baseline", against).attribute("comparison", comparison)
                    .attribute("rankTestP", fmt4(c.rankP())).attribute("baselineSamples", c.baselineCount())
                    .attribute("warmUpLeftOut", dev.greenlight.config.Durations.format(warmUp)), true);
        }
    }

    /** The baseline could not be compared with: the baseline criterion is not run, with why and the fix. */
    public void baselineNotRun(String reason, String fix, java.time.Instant at) {
        for (String criterion : new String[] {"baseline", "baseline-p95"}) {
            sink.record(Measurement.of(criterion, "not run · soak comparison with the baseline").notRun(reason, fix).window(at, at)
                    .attribute("profile", profile), true);
        }
    }

    /** Criteria the run's metrics could not feed: not run, with the reason and the fix (attached, so a reviewer sees them). */
    public void notRun(java.util.List<dev.greenlight.soak.monitor.MetricsCoverage.Gap> gaps, java.time.Instant from, java.time.Instant to) {
        for (var gap : gaps) {
            sink.record(Measurement.of(gap.criterion(), "not run · soak metrics for " + gap.criterion()).notRun(gap.reason(), gap.fix())
                    .window(from, to).attribute("profile", profile), true);
        }
    }

    /** An incident as it closed. */
    public void incident(Incidents.Incident incident) {
        sink.record(Measurement.of("soak-incident", "incident #" + incident.number() + ": " + incident.rule()).check(false)
                .window(incident.start(), incident.end())
                .attribute("criterion", incident.criterion())
                .attribute("threshold", Incidents.format(incident.threshold()) + " " + incident.unit())
                .attribute("peak", Incidents.format(incident.peak()) + " " + incident.unit())
                .attribute("intervals", incident.intervals()), false);
    }

    /** Whether the run went its whole planned duration, and if not, why it stopped. */
    public void completion(String stopReason, java.time.Instant from, java.time.Instant to, int incidents) {
        sink.record(Measurement.of("soak-run", stopReason == null ? "soak ran its planned duration" : "soak stopped early")
                .check(stopReason == null).window(from, to)
                .attribute("profile", profile)
                .attribute("stopReason", stopReason == null ? "none" : stopReason)
                .attribute("incidents", incidents), true);
    }

    static String fmt(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.3f", value);
    }

    static String fmt4(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.4g", value);
    }
}
