package dev.greenlight.soak;

import dev.greenlight.soak.load.Outcome;
import org.HdrHistogram.Histogram;

import java.util.Locale;

/** The end-of-run summary in plain text, for the report and the console. */
public final class SoakSummary {

    private SoakSummary() {
    }

    public static String text(SoakResult r) {
        RunTotals t = r.totals();
        Histogram latency = t.latency();
        Histogram naive = t.uncorrectedLatency();
        StringBuilder out = new StringBuilder();
        out.append("profile ").append(r.profile()).append(", ").append(r.started()).append(" .. ").append(r.ended()).append('\n');
        out.append(r.stopReason() == null ? "ran its planned duration" : "STOPPED EARLY: " + r.stopReason()).append('\n');
        out.append(String.format(Locale.ROOT, "requests %d, errors %d (%.3f %%): 5xx %d, timeouts %d, connection %d, dropped starts %d; 4xx %d%n",
                t.finished(), t.errors(), t.errorRate() * 100, t.count(Outcome.SERVER_ERROR), t.count(Outcome.TIMEOUT),
                t.count(Outcome.CONNECTION), t.count(Outcome.DROPPED), t.count(Outcome.CLIENT_ERROR)));
        if (latency.getTotalCount() > 0) {
            out.append(String.format(Locale.ROOT, "latency from intended start: mean %.2f ms, p50 %.2f, p95 %.2f, p99 %.2f, max %.1f ms%n",
                    latency.getMean() / 1000, latency.getValueAtPercentile(50) / 1000.0, latency.getValueAtPercentile(95) / 1000.0,
                    latency.getValueAtPercentile(99) / 1000.0, latency.getMaxValue() / 1000.0));
            out.append(String.format(Locale.ROOT, "uncorrected (from actual send): p95 %.2f ms, p99 %.2f ms%n",
                    naive.getValueAtPercentile(95) / 1000.0, naive.getValueAtPercentile(99) / 1000.0));
        }
        out.append(String.format(Locale.ROOT, "late starts %d (max lag %.1f ms)%n", t.lateStarts(), t.maxStartLagMillis()));
        out.append(String.format(Locale.ROOT, "CPU mean %s, peak %s of one core; pool peak %s, waiting peak %s; DB query mean %s ms%n",
                CheckpointSummary.pct(t.cpuMean()), CheckpointSummary.pct(t.cpuPeak()), CheckpointSummary.pct(t.poolPeak()),
                CheckpointSummary.num(t.poolWaitingPeak()), CheckpointSummary.num(t.dbQueryMean())));
        out.append(String.format(Locale.ROOT, "memory (%s): %s MB/h [%s, %s], Mann–Kendall p %s%s%n", r.memoryMetric(),
                CheckpointSummary.num(r.memory().settled().slope()), CheckpointSummary.num(r.memory().settled().low()),
                CheckpointSummary.num(r.memory().settled().high()), CheckpointSummary.num(r.memory().settled().pValue()),
                r.memory().levelled() ? " (grew early, then levelled off)" : ""));
        out.append("incidents ").append(r.incidents().size()).append(", checkpoints ").append(r.checkpoints().size()).append('\n');
        out.append("files ").append(r.dir()).append('\n');
        return out.toString();
    }
}
