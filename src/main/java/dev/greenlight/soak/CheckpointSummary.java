package dev.greenlight.soak;

import dev.greenlight.soak.load.Outcome;
import dev.greenlight.soak.stats.MemoryTrend;
import org.HdrHistogram.Histogram;

import java.util.List;
import java.util.Locale;

/** The status summary written at a checkpoint: the seed's daily check, as Markdown. */
final class CheckpointSummary {

    private CheckpointSummary() {
    }

    static String markdown(int number, String label, String profile, IntervalRecord last, RunTotals totals,
                           List<Incidents.Incident> open, List<Incidents.Incident> closed, MemoryTrend memory, String stopReason) {
        Histogram latency = totals.latency();
        StringBuilder out = new StringBuilder();
        out.append("# Soak checkpoint ").append(number).append(" — ").append(label).append("\n\n");
        out.append("Profile `").append(profile).append("`, at ").append(last.to()).append(String.format(Locale.ROOT, " (%.0f s into the run)", last.elapsed()))
                .append(stopReason == null ? "" : ", **stopping early: " + stopReason + "**").append("\n\n");
        out.append("| metric | so far | last interval |\n| --- | --- | --- |\n");
        row(out, "requests", String.valueOf(totals.finished()), String.valueOf(last.load().finished()));
        row(out, "error rate", pct(totals.errorRate()), pct(last.errorRate()));
        row(out, "timeouts", String.valueOf(totals.count(Outcome.TIMEOUT)), String.valueOf(last.load().count(Outcome.TIMEOUT)));
        row(out, "mean latency", ms(latency.getTotalCount() == 0 ? Double.NaN : latency.getMean() / 1000), ms(last.meanMillis()));
        row(out, "p95 latency", ms(latency.getTotalCount() == 0 ? Double.NaN : latency.getValueAtPercentile(95) / 1000.0), ms(last.p95Millis()));
        row(out, "late starts (harness)", String.valueOf(totals.lateStarts()), String.valueOf(last.load().late()));
        row(out, "CPU (of one core)", pct(totals.cpuMean()) + " mean, " + pct(totals.cpuPeak()) + " peak", pct(last.monitor().cpu()));
        row(out, "pool usage peak", pct(totals.poolPeak()) + ", waiting " + num(totals.poolWaitingPeak()), pct(last.monitor().poolUsagePeak()));
        row(out, "DB query mean", ms(totals.dbQueryMean()) + " (" + last.monitor().dbQuerySource() + ")", ms(last.monitor().dbQueryMillis()));
        row(out, "memory trend", String.format(Locale.ROOT, "%s MB/h [%s, %s], Mann–Kendall p %s%s", num(memory.settled().slope()),
                num(memory.settled().low()), num(memory.settled().high()), num(memory.settled().pValue()),
                memory.levelled() ? ", levelled off" : ""), "");
        out.append("\n## Incidents\n\n");
        if (open.isEmpty() && closed.isEmpty()) {
            out.append("None.\n");
        }
        open.forEach(incident -> out.append("- OPEN ").append(incident).append('\n'));
        closed.forEach(incident -> out.append("- ").append(incident).append('\n'));
        return out.toString();
    }

    private static void row(StringBuilder out, String name, String total, String last) {
        out.append("| ").append(name).append(" | ").append(total).append(" | ").append(last).append(" |\n");
    }

    static String pct(double fraction) {
        return Double.isNaN(fraction) ? "n/a" : String.format(Locale.ROOT, "%.2f %%", fraction * 100);
    }

    static String ms(double millis) {
        return Double.isNaN(millis) ? "n/a" : String.format(Locale.ROOT, "%.1f ms", millis);
    }

    static String num(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.3g", value);
    }
}
