package dev.greenlight.soak;

import dev.greenlight.soak.profile.SoakProfile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The incident log of a run: a threshold breached by an interval opens an incident (its start, the criterion and
 * the threshold), later breaches raise its peak, and the first interval back within the threshold closes it.
 * Thresholds come from the profile's {@code incidents:} section; the gate's criteria stay the gate's.
 */
public final class Incidents {

    /** One incident, open while {@code end} is null. */
    public record Incident(int number, String rule, String criterion, String unit, double threshold, Instant start,
                           Instant end, double peak, int intervals) {

        public boolean open() {
            return end == null;
        }

        @Override
        public String toString() {
            return "#" + number + " " + rule + " > " + format(threshold) + " " + unit + " from " + start
                    + (end == null ? " (open)" : " to " + end) + ", peak " + format(peak) + " " + unit;
        }
    }

    /** A watched threshold. */
    private record Rule(String name, String criterion, String unit, double threshold, ToDoubleFunction<IntervalRecord> measure) {
    }

    private final List<Rule> rules = new ArrayList<>();
    private final Map<String, Incident> open = new LinkedHashMap<>();
    private int opened;
    private int closedCount;

    public Incidents(SoakProfile.Thresholds thresholds) {
        rules.add(new Rule("error rate", "error-rate", "%", thresholds.errorRate() * 100, i -> i.errorRate() * 100));
        rules.add(new Rule("p95 latency", "latency-p95", "ms", thresholds.p95Millis(), IntervalRecord::p95Millis));
        rules.add(new Rule("mean latency", "latency-avg", "ms", thresholds.avgMillis(), IntervalRecord::meanMillis));
        rules.add(new Rule("DB query time", "db-query-avg", "ms", thresholds.dbQueryMillis(), i -> i.monitor().dbQueryMillis()));
        rules.add(new Rule("pool usage", "pool-usage", "%", thresholds.poolUsage() * 100, i -> i.monitor().poolUsagePeak() * 100));
        rules.add(new Rule("clients waiting for a connection", "pool-usage", "clients", thresholds.poolWaiting(),
                i -> i.monitor().poolWaitingPeak()));
        rules.add(new Rule("CPU", "cpu", "% of a core", thresholds.cpu() * 100, i -> i.monitor().cpu() * 100));
        rules.add(new Rule("DB connection failures", "db-connection", "failures", 0, i -> i.monitor().connectionFailures()));
    }

    /**
     * Applies one interval.
     *
     * @return what changed: incidents opened (open) and closed (with their end) by it
     */
    public synchronized List<Incident> apply(IntervalRecord interval) {
        List<Incident> changed = new ArrayList<>();
        for (Rule rule : rules) {
            double value = rule.measure.applyAsDouble(interval);
            Incident current = open.get(rule.name);
            boolean breached = !Double.isNaN(value) && value > rule.threshold;
            if (breached && current == null) {
                Incident incident = new Incident(++opened, rule.name, rule.criterion, rule.unit, rule.threshold, interval.from(),
                        null, value, 1);
                open.put(rule.name, incident);
                changed.add(incident);
            } else if (breached) {
                open.put(rule.name, new Incident(current.number(), rule.name, rule.criterion, rule.unit, rule.threshold,
                        current.start(), null, Math.max(current.peak(), value), current.intervals() + 1));
            } else if (current != null) {
                Incident closed = new Incident(current.number(), rule.name, rule.criterion, rule.unit, rule.threshold,
                        current.start(), interval.from(), current.peak(), current.intervals());
                open.remove(rule.name);
                closedCount++;
                changed.add(closed);
            }
        }
        return changed;
    }

    /** Closes whatever is still open at the end of the run. */
    public synchronized List<Incident> closeAll(Instant at) {
        List<Incident> closed = new ArrayList<>();
        for (Incident incident : open.values()) {
            closed.add(new Incident(incident.number(), incident.rule(), incident.criterion(), incident.unit(),
                    incident.threshold(), incident.start(), at, incident.peak(), incident.intervals()));
            closedCount++;
        }
        open.clear();
        return closed;
    }

    public synchronized List<Incident> openNow() {
        return List.copyOf(open.values());
    }

    /** Incidents opened so far. */
    public synchronized int count() {
        return opened;
    }

    static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e12 ? String.valueOf((long) value) : String.format(java.util.Locale.ROOT, "%.2f", value);
    }
}
