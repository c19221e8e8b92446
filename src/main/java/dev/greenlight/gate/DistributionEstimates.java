package dev.greenlight.gate;

import dev.greenlight.evidence.HistogramCodec;
import dev.greenlight.evidence.Measurement;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

import java.nio.BufferUnderflowException;
import java.util.ArrayList;
import java.util.List;

/**
 * Mean and percentiles of latency distributions: the HdrHistograms (microseconds) of every interval merged into one.
 *
 * <p>The mean's interval is the wider of two: {@code t·sd/√n} over all requests, and — with 3 or more intervals —
 * the spread of the interval means ("batch means"). Requests in one interval share load, caches and GC pauses, so
 * they are not independent and the first interval alone would be too narrow over a long soak; the spread between
 * intervals carries that dependence. The percentile's interval comes from order statistics of the merged
 * distribution ({@link Intervals#quantileRanks}); it treats requests as independent, which long soaks make
 * reasonable for a tail percentile, and it says so in the report.
 */
final class DistributionEstimates {

    private DistributionEstimates() {
    }

    /** The measurements whose histogram could be read, each with it. */
    private record Decoded(List<Measurement> measurements, List<Histogram> histograms, Histogram merged) {
    }

    private static Decoded decodeAll(List<Measurement> used, List<String> notes) {
        List<Measurement> measurements = new ArrayList<>();
        List<Histogram> histograms = new ArrayList<>();
        Histogram merged = null;
        for (Measurement m : used) {
            Histogram h = decode(m);
            if (h == null) {
                continue;
            }
            measurements.add(m);
            histograms.add(h);
            if (merged == null) {
                merged = new Histogram(h.getNumberOfSignificantValueDigits());
            }
            merged.add(h);
        }
        if (measurements.size() < used.size()) {
            notes.add((used.size() - measurements.size()) + " distribution measurement(s) without a readable histogram left out");
        }
        return new Decoded(measurements, histograms, merged == null ? new Histogram(3) : merged);
    }

    /** The merged distribution of {@code used}. */
    static Histogram merge(List<Measurement> used, List<String> notes) {
        return decodeAll(used, notes).merged();
    }

    static Estimate mean(CriterionSpec spec, List<Measurement> used, List<String> notes) {
        Decoded d = decodeAll(used, notes);
        long n = d.merged().getTotalCount();
        if (n == 0) {
            return Estimate.point(0, "ms", 0, MeasurementEstimator.observed(d.measurements()), "no samples", notes, List.of(), d.measurements());
        }
        double mean = d.merged().getMean() / 1000.0;
        double sd = d.merged().getStdDeviation() / 1000.0;
        double halfWithin = n > 1 ? Intervals.t(spec.confidence(), n - 1) * sd / Math.sqrt(n) : Double.POSITIVE_INFINITY;
        double halfBetween = Double.NaN;
        int k = d.histograms().size();
        if (k >= 3) {
            double variance = 0;
            for (Histogram h : d.histograms()) {
                if (h.getTotalCount() > 0) {
                    double share = (double) h.getTotalCount() / n;
                    variance += share * share * Math.pow(h.getMean() / 1000.0 - mean, 2);
                }
            }
            variance *= k / (k - 1.0);
            halfBetween = Intervals.t(spec.confidence(), k - 1) * Math.sqrt(variance);
        }
        double half = Double.isNaN(halfBetween) ? halfWithin : Math.max(halfWithin, halfBetween);
        notes.add(percentiles(d.merged()));
        String how = Double.isNaN(halfBetween) ? "t·sd/√n over all requests"
                : half == halfBetween ? "spread between " + k + " interval means (wider than t·sd/√n)"
                : "t·sd/√n over all requests (wider than the spread between " + k + " interval means)";
        return new Estimate(mean, Math.max(0, mean - half), mean + half, "ms", n, MeasurementEstimator.observed(d.measurements()),
                "mean of " + k + " merged distribution(s); interval: " + how + ", " + MeasurementEstimator.percent(spec.confidence()),
                notes, List.of(), d.measurements());
    }

    static Estimate percentile(CriterionSpec spec, List<Measurement> used, List<String> notes) {
        Decoded d = decodeAll(used, notes);
        Histogram merged = d.merged();
        long n = merged.getTotalCount();
        if (n == 0) {
            return Estimate.point(0, "ms", 0, MeasurementEstimator.observed(d.measurements()), "no samples", notes, List.of(), d.measurements());
        }
        double p = spec.statistic().percentile();
        long[] ranks = Intervals.quantileRanks(n, p / 100, spec.confidence());
        double value = valueAtRank(merged, Math.max(1, (long) Math.ceil(p / 100 * n - 1e-9)));
        double low = ranks[0] < 1 ? Double.NEGATIVE_INFINITY : valueAtRank(merged, ranks[0]);
        double high = ranks[1] > n ? Double.POSITIVE_INFINITY : valueAtRank(merged, ranks[1]);
        notes.add(percentiles(merged));
        if (ranks[1] > n) {
            notes.add("too few requests for an upper bound: it would be the " + ranks[1] + "th of " + Quantities.count(n) + " values");
        }
        return new Estimate(value, Math.min(low, value), Math.max(high, value), "ms", n, MeasurementEstimator.observed(d.measurements()),
                spec.statistic().label() + " of " + d.measurements().size() + " merged distribution(s); order-statistic interval (values ranked "
                        + ranks[0] + " and " + ranks[1] + " of " + Quantities.count(n) + "), " + MeasurementEstimator.percent(spec.confidence()),
                notes, List.of(), d.measurements());
    }

    /** The measurement's histogram, or null when it has none or it cannot be decoded. */
    static Histogram decode(Measurement m) {
        if (m.histogram() == null) {
            return null;
        }
        try {
            return HistogramCodec.decode(m.histogram());
        } catch (IllegalArgumentException | IndexOutOfBoundsException | BufferUnderflowException e) {
            return null;
        }
    }

    /** The {@code rank}-th smallest recorded value (1-based), in ms, at the histogram's precision (upper edge of its bucket). */
    static double valueAtRank(Histogram histogram, long rank) {
        long seen = 0;
        for (HistogramIterationValue v : histogram.recordedValues()) {
            seen += v.getCountAtValueIteratedTo();
            if (seen >= rank) {
                return histogram.highestEquivalentValue(v.getValueIteratedTo()) / 1000.0;
            }
        }
        return histogram.getMaxValue() / 1000.0;
    }

    private static String percentiles(Histogram h) {
        List<String> parts = new ArrayList<>();
        for (double p : new double[] {50, 90, 95, 99, 99.9}) {
            parts.add("p" + (p == Math.rint(p) ? String.valueOf((long) p) : String.valueOf(p)) + " "
                    + Quantities.format(h.getValueAtPercentile(p) / 1000.0, "ms", "ms"));
        }
        return "distribution of " + Quantities.count(h.getTotalCount()) + " requests: " + String.join(", ", parts)
                + ", max " + Quantities.format(h.getMaxValue() / 1000.0, "ms", "ms");
    }
}
