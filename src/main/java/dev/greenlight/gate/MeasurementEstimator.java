package dev.greenlight.gate;

import dev.greenlight.evidence.HistogramCodec;
import dev.greenlight.evidence.Measurement;
import dev.greenlight.evidence.Measurement.Kind;
import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Turns the measurements of one criterion into {@link Estimate}s, as its statistic and aggregate say. One estimate
 * for every aggregate except {@link Aggregate#EACH}, which gives one per measurement. Measurements of a kind the
 * statistic cannot use are left out and said so in the notes.
 */
final class MeasurementEstimator {

    private MeasurementEstimator() {
    }

    static List<Estimate> estimate(CriterionSpec spec, List<Measurement> all) {
        Statistic.Kind kind = spec.statistic().kind();
        List<Kind> usable = switch (kind) {
            case RATE -> List.of(Kind.RATE);
            case MEAN -> spec.aggregate() == Aggregate.MERGE ? List.of(Kind.DISTRIBUTION) : List.of(Kind.VALUE, Kind.DISTRIBUTION);
            case PERCENTILE -> List.of(Kind.DISTRIBUTION);
            case MAX, VALUE, CHANGE -> List.of(Kind.VALUE);
            case COUNT -> List.of(Kind.COUNT, Kind.CHECK, Kind.VALUE);
            default -> List.of();
        };
        List<Measurement> used = all.stream().filter(m -> usable.contains(m.kind())).toList();
        List<String> notes = new ArrayList<>();
        if (used.size() < all.size()) {
            notes.add((all.size() - used.size()) + " measurement(s) left out: statistic '" + spec.statistic().label()
                    + "' reads " + usable.stream().map(k -> k.name()).toList());
        }
        if (used.isEmpty()) {
            return List.of();
        }
        return switch (kind) {
            case RATE -> List.of(rate(spec, used, notes));
            case MEAN -> List.of(spec.aggregate() == Aggregate.MERGE ? DistributionEstimates.mean(spec, used, notes)
                    : weightedMean(spec, used, notes));
            case PERCENTILE -> List.of(DistributionEstimates.percentile(spec, used, notes));
            case MAX -> List.of(max(used, notes));
            case VALUE, CHANGE -> (spec.aggregate() == Aggregate.LAST ? latestOfEachRunAndName(used) : used).stream()
                    .map(m -> single(spec, m, notes)).toList();
            case COUNT -> List.of(count(used, notes));
            default -> List.of();
        };
    }

    private static Estimate rate(CriterionSpec spec, List<Measurement> used, List<String> notes) {
        long events = used.stream().mapToLong(Measurement::events).sum();
        long samples = used.stream().mapToLong(Measurement::samples).sum();
        if (samples == 0) {
            return Estimate.point(0, "ratio", 0, observed(used), "no samples", notes, List.of(), used);
        }
        double[] interval = Intervals.wilson(events, samples, spec.confidence());
        notes.add(Quantities.count(events) + " bad of " + Quantities.count(samples) + " " + spec.samplesName()
                + " in " + used.size() + " measurement(s)");
        return new Estimate((double) events / samples, interval[0], interval[1], "ratio", samples, observed(used),
                "events summed over every measurement; Wilson score interval, " + percent(spec.confidence()), notes, List.of(), used);
    }

    /** Sample-weighted mean; spread pooled from each stddev, and from the spread between measurements when there are 3+. */
    static Estimate weightedMean(CriterionSpec spec, List<Measurement> used, List<String> notes) {
        boolean weighted = used.stream().allMatch(m -> m.samples() > 0);
        double totalWeight = 0;
        double sum = 0;
        for (Measurement m : used) {
            double w = weighted ? m.samples() : 1;
            totalWeight += w;
            sum += w * m.value();
        }
        double mean = sum / totalWeight;
        long samples = used.stream().mapToLong(Measurement::samples).sum();
        double peak = used.stream().mapToDouble(Measurement::value).max().orElse(mean);
        String unit = used.get(0).unit();
        notes.add("peak of " + used.size() + " measurement(s): " + Quantities.format(peak, unit, spec.displayUnit(unit)));
        double halfWithin = Double.NaN;
        if (used.stream().allMatch(m -> m.stddev() != null && m.samples() > 0) && samples > 1) {
            double squares = 0;
            for (Measurement m : used) {
                squares += (m.samples() - 1) * m.stddev() * m.stddev() + m.samples() * Math.pow(m.value() - mean, 2);
            }
            halfWithin = Intervals.z(spec.confidence()) * Math.sqrt(squares / (samples - 1)) / Math.sqrt(samples);
        }
        double halfBetween = Double.NaN;
        if (used.size() >= 3) {
            double variance = 0;
            for (Measurement m : used) {
                double share = (weighted ? m.samples() : 1) / totalWeight;
                variance += share * share * Math.pow(m.value() - mean, 2);
            }
            variance *= used.size() / (used.size() - 1.0);
            halfBetween = Intervals.t(spec.confidence(), used.size() - 1) * Math.sqrt(variance);
        }
        String over = (weighted ? "sample-weighted" : "unweighted") + " mean of " + used.size() + " measurement(s)";
        if (Double.isNaN(halfWithin) && Double.isNaN(halfBetween)) {
            return Estimate.point(mean, unit, samples, observed(used), over + "; no spread recorded, judged as measured",
                    notes, List.of(), used);
        }
        double half = Double.isNaN(halfWithin) ? halfBetween : Double.isNaN(halfBetween) ? halfWithin : Math.max(halfWithin, halfBetween);
        String how = half == halfBetween ? "t interval from the spread between measurements" : "interval from the pooled standard deviation";
        return new Estimate(mean, mean - half, mean + half, unit, samples, observed(used),
                over + "; " + how + " (the wider of the two), " + percent(spec.confidence()), notes, List.of(), used);
    }

    private static Estimate max(List<Measurement> used, List<String> notes) {
        Measurement peak = used.stream().max(Comparator.comparingDouble(Measurement::value)).orElseThrow();
        long samples = used.stream().mapToLong(Measurement::samples).sum();
        notes.add("peak in '" + peak.name() + "'" + window(peak) + attributes(peak));
        return Estimate.point(peak.value(), peak.unit(), samples, observed(used),
                "largest of " + used.size() + " measurement(s), judged as observed", notes, List.of(), used);
    }

    private static Estimate single(CriterionSpec spec, Measurement m, List<String> shared) {
        boolean change = spec.statistic().kind() == Statistic.Kind.CHANGE;
        double shift = change ? 1 : 0;
        String unit = change ? "ratio" : m.unit();
        List<String> notes = new ArrayList<>(shared);
        notes.add("'" + m.name() + "'" + window(m) + attributes(m));
        String what = change ? "relative change (ratio − 1) of '" + m.name() + "'" : "'" + m.name() + "'";
        if (m.low() == null || m.high() == null) {
            return Estimate.point(m.value() - shift, unit, m.samples(), observed(List.of(m)),
                    what + "; no interval recorded, judged as measured", notes, List.of(), List.of(m));
        }
        return new Estimate(m.value() - shift, m.low() - shift, m.high() - shift, unit, m.samples(), observed(List.of(m)),
                what + " with the suite's own interval", notes, List.of(), List.of(m));
    }

    private static Estimate count(List<Measurement> used, List<String> notes) {
        long found = 0;
        long checked = 0;
        List<String> blockers = new ArrayList<>();
        for (Measurement m : used) {
            switch (m.kind()) {
                case COUNT -> {
                    found += Math.round(m.value());
                    checked += m.samples();
                    if (m.value() > 0) {
                        notes.add("'" + m.name() + "': " + Quantities.count(Math.round(m.value())) + " found in "
                                + Quantities.count(m.samples()) + " checked" + attributes(m));
                    }
                }
                case CHECK -> {
                    checked += Math.max(1, m.samples());
                    if (m.value() < 1) {
                        found++;
                        notes.add("check failed: '" + m.name() + "'" + attributes(m));
                    }
                }
                default -> {
                    String target = m.attributes().get("target");
                    notes.add("'" + m.name() + "': " + Quantities.format(m.value(), m.unit(), m.unit())
                            + (target == null ? "" : " (target " + target + ")"));
                    if (target != null && !withinTarget(m, target)) {
                        blockers.add("'" + m.name() + "' took " + Quantities.format(m.value(), m.unit(), m.unit())
                                + ", over its target of " + target);
                    }
                }
            }
        }
        return Estimate.point(found, "count", checked, observed(used),
                "bad findings summed over " + used.size() + " measurement(s) (a failed check counts one), judged as counted",
                notes, blockers, used);
    }

    private static boolean withinTarget(Measurement m, String target) {
        try {
            Threshold line = Threshold.parse("<= " + target.strip());
            return line.holdsForAll(m.value(), m.value(), m.unit());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The latest measurement (by window end, then file order) of each run and name, in first-seen order. */
    private static List<Measurement> latestOfEachRunAndName(List<Measurement> used) {
        Map<String, Measurement> latest = new java.util.LinkedHashMap<>();
        for (Measurement m : used) {
            latest.merge(m.runId() + "\u0000" + m.name(), m,
                    (a, b) -> b.to() == null || a.to() == null || !b.to().isBefore(a.to()) ? b : a);
        }
        return List.copyOf(latest.values());
    }

    /** The total time covered by the measurement windows, overlaps counted once. */
    static Duration observed(List<Measurement> used) {
        List<Instant[]> windows = used.stream().filter(m -> m.from() != null && m.to() != null && m.to().isAfter(m.from()))
                .map(m -> new Instant[] {m.from(), m.to()}).sorted(Comparator.comparing(w -> w[0])).toList();
        Duration total = Duration.ZERO;
        Instant start = null;
        Instant end = null;
        for (Instant[] w : windows) {
            if (end == null || w[0].isAfter(end)) {
                if (end != null) {
                    total = total.plus(Duration.between(start, end));
                }
                start = w[0];
                end = w[1];
            } else if (w[1].isAfter(end)) {
                end = w[1];
            }
        }
        return end == null ? total : total.plus(Duration.between(start, end));
    }

    /** {@code 95 % confidence}. */
    static String percent(double confidence) {
        return java.math.BigDecimal.valueOf(Math.round(confidence * 10_000) / 100.0).stripTrailingZeros().toPlainString()
                + " % confidence";
    }

    private static String window(Measurement m) {
        return m.from() == null || m.to() == null ? "" : " (" + m.from() + " → " + m.to() + ")";
    }

    private static String attributes(Measurement m) {
        if (m.attributes().isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(" [");
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(m.attributes()).entrySet()) {
            out.append(out.length() > 2 ? ", " : "").append(e.getKey()).append('=').append(e.getValue());
        }
        return out.append(']').toString();
    }
}
