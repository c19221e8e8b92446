package dev.greenlight.soak.stats;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.apache.commons.math3.distribution.NormalDistribution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * A candidate run's latency against a baseline's: the ratios candidate / baseline of the mean and of the p95, each
 * with a confidence interval from a block bootstrap over the runs' interval histograms (blocks keep the time
 * correlation of a load test, which a per-request bootstrap would pretend away), and the Mann–Whitney rank test
 * of "neither run is slower", computed exactly from the histograms.
 *
 * <p>Two runs measured at different times are resampled independently ({@link #of}). Two runs measured side by side
 * ({@link #paired}) are compared slice by slice — the same seconds of both — so what the machine did in a slice
 * (another job, a GC pause of the load generator) lands on both sides of the ratio and cancels, as a canary judge
 * compares a canary with a baseline running at the same time. A comparison with a historical run can be widened
 * by the run-to-run spread measured between healthy runs ({@link #widenedBy}).
 *
 * @param meanRatio  candidate mean / baseline mean
 * @param meanLow    lower bound of its interval
 * @param meanHigh   upper bound
 * @param p95Ratio   candidate p95 / baseline p95
 * @param p95Low     lower bound of its interval
 * @param p95High    upper bound
 * @param rankP      two-sided p-value of the Mann–Whitney test
 * @param baselineCount  requests in the baseline
 * @param candidateCount requests in the candidate
 */
public record LatencyComparison(double meanRatio, double meanLow, double meanHigh, double p95Ratio, double p95Low,
                                double p95High, double rankP, long baselineCount, long candidateCount) {

    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);
    private static final int MAX_BLOCKS = 100;
    private static final int GRID = 4000;
    private static final double GRID_TOP = Math.log(3.6e9);

    /**
     * @param baseline   the baseline's interval histograms (µs), in time order
     * @param candidate  the candidate's
     * @param iterations bootstrap resamples, e.g. 2000
     * @param confidence e.g. 0.95
     * @param seed       random seed, so a comparison can be repeated exactly
     */
    public static LatencyComparison of(List<Histogram> baseline, List<Histogram> candidate, int iterations,
                                       double confidence, long seed) {
        return compare(baseline, candidate, iterations, confidence, seed);
    }

    /**
     * The comparison of two runs measured side by side: interval {@code i} of one covers the same time as interval
     * {@code i} of the other (a {@code StartLine} started them together). Each slice gives a ratio of means and a ratio of
     * p95s; the ratios are the Hodges–Lehmann estimates of the per-slice log ratios with the Wilcoxon signed-rank
     * interval ({@link PairedShift}), so what the machine did in a slice cancels, and a stall that met only one side in
     * one slice does not decide. Slices empty on either side are left out; the longer run is cut to the shorter.
     * {@code iterations} and {@code seed} are unused (the interval is exact); they keep the signature of {@link #of}.
     */
    public static LatencyComparison paired(List<Histogram> baseline, List<Histogram> candidate, int iterations,
                                           double confidence, long seed) {
        int slices = Math.min(baseline.size(), candidate.size());
        List<Integer> both = java.util.stream.IntStream.range(0, slices)
                .filter(i -> baseline.get(i).getTotalCount() > 0 && candidate.get(i).getTotalCount() > 0).boxed().toList();
        if (both.size() < 2) {
            throw new IllegalArgumentException("a time-matched comparison needs slices where both runs have latencies; there are "
                    + both.size() + " of " + slices);
        }
        double[] means = new double[both.size()];
        double[] p95s = new double[both.size()];
        for (int k = 0; k < both.size(); k++) {
            Histogram b = baseline.get(both.get(k));
            Histogram c = candidate.get(both.get(k));
            means[k] = Math.log(c.getMean() / b.getMean());
            p95s[k] = Math.log((double) c.getValueAtPercentile(95) / b.getValueAtPercentile(95));
        }
        PairedShift mean = PairedShift.of(means, confidence);
        PairedShift p95 = PairedShift.of(p95s, confidence);
        Histogram baseAll = merge(both.stream().map(baseline::get).toList());
        Histogram candAll = merge(both.stream().map(candidate::get).toList());
        return new LatencyComparison(Math.exp(mean.estimate()), Math.exp(mean.low()), Math.exp(mean.high()),
                Math.exp(p95.estimate()), Math.exp(p95.low()), Math.exp(p95.high()), mannWhitneyP(baseAll, candAll),
                baseAll.getTotalCount(), candAll.getTotalCount());
    }

    /**
     * This comparison with each interval widened by {@code spread} (a fraction) on the log scale, as an independent
     * error added in quadrature: what a historical baseline cannot tell apart from the time it was measured at.
     */
    public LatencyComparison widenedBy(double spread) {
        double extra = Math.log1p(spread);
        return new LatencyComparison(meanRatio, widen(meanRatio, meanLow, extra, -1), widen(meanRatio, meanHigh, extra, 1),
                p95Ratio, widen(p95Ratio, p95Low, extra, -1), widen(p95Ratio, p95High, extra, 1), rankP, baselineCount, candidateCount);
    }

    private static double widen(double ratio, double bound, double extra, int side) {
        double half = Math.abs(Math.log(bound) - Math.log(ratio));
        return ratio * Math.exp(side * Math.sqrt(half * half + extra * extra));
    }

    private static LatencyComparison compare(List<Histogram> baseline, List<Histogram> candidate, int iterations,
                                             double confidence, long seed) {
        Histogram baseAll = merge(baseline);
        Histogram candAll = merge(candidate);
        if (baseAll.getTotalCount() == 0 || candAll.getTotalCount() == 0) {
            throw new IllegalArgumentException("both runs need latencies to compare (baseline " + baseAll.getTotalCount()
                    + ", candidate " + candAll.getTotalCount() + ")");
        }
        double meanRatio = candAll.getMean() / baseAll.getMean();
        double p95Ratio = (double) candAll.getValueAtPercentile(95) / baseAll.getValueAtPercentile(95);
        Block[] baseBlocks = blocks(baseline);
        Block[] candBlocks = blocks(candidate);
        double[] means = new double[iterations];
        double[] p95s = new double[iterations];
        SplittableRandom random = new SplittableRandom(seed);
        double[] baseGrid = new double[GRID];
        double[] candGrid = new double[GRID];
        int[] basePicks = new int[baseBlocks.length];
        int[] candPicks = new int[candBlocks.length];
        for (int it = 0; it < iterations; it++) {
            pick(basePicks, random);
            pick(candPicks, random);
            double[] base = resample(baseBlocks, basePicks, baseGrid);
            double[] cand = resample(candBlocks, candPicks, candGrid);
            means[it] = (cand[1] / cand[0]) / (base[1] / base[0]);
            p95s[it] = percentile(candGrid, cand[0], 95) / percentile(baseGrid, base[0], 95);
        }
        Arrays.sort(means);
        Arrays.sort(p95s);
        double tail = (1 - confidence) / 2;
        return new LatencyComparison(meanRatio, quantile(means, tail), quantile(means, 1 - tail),
                p95Ratio, quantile(p95s, tail), quantile(p95s, 1 - tail),
                mannWhitneyP(baseAll, candAll), baseAll.getTotalCount(), candAll.getTotalCount());
    }

    /** Two-sided p-value of the Mann–Whitney U test between two histograms, ties (same bucket) corrected. */
    public static double mannWhitneyP(Histogram a, Histogram b) {
        TreeMap<Long, long[]> buckets = new TreeMap<>();
        for (HistogramIterationValue v : a.recordedValues()) {
            buckets.computeIfAbsent(a.highestEquivalentValue(v.getValueIteratedTo()), k -> new long[2])[0] += v.getCountAtValueIteratedTo();
        }
        for (HistogramIterationValue v : b.recordedValues()) {
            buckets.computeIfAbsent(b.highestEquivalentValue(v.getValueIteratedTo()), k -> new long[2])[1] += v.getCountAtValueIteratedTo();
        }
        double na = a.getTotalCount();
        double nb = b.getTotalCount();
        double n = na + nb;
        double below = 0;
        double rankSumB = 0;
        double ties = 0;
        for (Map.Entry<Long, long[]> entry : buckets.entrySet()) {
            double t = entry.getValue()[0] + entry.getValue()[1];
            double averageRank = below + (t + 1) / 2.0;
            rankSumB += entry.getValue()[1] * averageRank;
            ties += t * t * t - t;
            below += t;
        }
        double u = rankSumB - nb * (nb + 1) / 2.0;
        double mean = na * nb / 2.0;
        double variance = na * nb / 12.0 * ((n + 1) - ties / (n * (n - 1)));
        if (variance <= 0) {
            return 1.0;
        }
        double z = (Math.abs(u - mean) - 0.5) / Math.sqrt(variance);
        return Math.min(1.0, 2 * (1 - NORMAL.cumulativeProbability(Math.max(0, z))));
    }

    private static Histogram merge(List<Histogram> histograms) {
        Histogram all = new Histogram(1, 3_600_000_000L, 3);
        for (Histogram histogram : histograms) {
            all.add(histogram);
        }
        return all;
    }

    /** A block on a fixed log grid: enough for bootstrap percentiles at about 0.5 % resolution. */
    private record Block(double count, double sum, int[] cells, long[] counts) {
    }

    private static Block[] blocks(List<Histogram> histograms) {
        List<Histogram> nonEmpty = histograms.stream().filter(h -> h.getTotalCount() > 0).toList();
        int groups = Math.min(MAX_BLOCKS, nonEmpty.size());
        List<Block> out = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            int from = (int) ((long) g * nonEmpty.size() / groups);
            int to = (int) ((long) (g + 1) * nonEmpty.size() / groups);
            TreeMap<Integer, Long> cells = new TreeMap<>();
            double count = 0;
            double sum = 0;
            for (Histogram h : nonEmpty.subList(from, to)) {
                for (HistogramIterationValue v : h.recordedValues()) {
                    long c = v.getCountAtValueIteratedTo();
                    double value = h.medianEquivalentValue(v.getValueIteratedTo());
                    cells.merge(cell(value), c, Long::sum);
                    count += c;
                    sum += value * c;
                }
            }
            out.add(new Block(count, sum, cells.keySet().stream().mapToInt(Integer::intValue).toArray(),
                    cells.values().stream().mapToLong(Long::longValue).toArray()));
        }
        return out.toArray(Block[]::new);
    }

    private static int cell(double micros) {
        double position = Math.log(Math.max(1.0, micros)) / GRID_TOP * (GRID - 1);
        return (int) Math.max(0, Math.min(GRID - 1, Math.round(position)));
    }

    private static double cellValue(int cell) {
        return Math.exp(cell * GRID_TOP / (GRID - 1));
    }

    private static void pick(int[] picks, SplittableRandom random) {
        for (int i = 0; i < picks.length; i++) {
            picks[i] = random.nextInt(picks.length);
        }
    }

    /** Adds the blocks {@code picks} names into {@code grid}; returns {count, sum}. */
    private static double[] resample(Block[] blocks, int[] picks, double[] grid) {
        Arrays.fill(grid, 0);
        double count = 0;
        double sum = 0;
        for (int pick : picks) {
            Block block = blocks[pick];
            count += block.count;
            sum += block.sum;
            for (int c = 0; c < block.cells.length; c++) {
                grid[block.cells[c]] += block.counts[c];
            }
        }
        return new double[] {count, sum};
    }

    private static double percentile(double[] grid, double count, double percentile) {
        double wanted = count * percentile / 100.0;
        double seen = 0;
        for (int c = 0; c < grid.length; c++) {
            seen += grid[c];
            if (seen >= wanted && grid[c] > 0) {
                return cellValue(c);
            }
        }
        return cellValue(grid.length - 1);
    }

    private static double quantile(double[] sorted, double q) {
        int index = (int) Math.round(q * (sorted.length - 1));
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
