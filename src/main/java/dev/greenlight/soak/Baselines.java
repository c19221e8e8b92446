package dev.greenlight.soak;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.config.ConfigException;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Saved baselines under {@code reports/baselines/<name>/}: the run's corrected latency interval log
 * ({@code latency.hlog}) and {@code summary.json} (counts, latency percentiles, error rate, CPU, pool, DB query
 * time, memory trend). A candidate is compared with one interval by interval, so its confidence interval respects
 * the time structure of both runs.
 */
public final class Baselines {

    /** Summary file name. */
    public static final String SUMMARY = "summary.json";

    private Baselines() {
    }

    /** A saved baseline read back. */
    public record Baseline(String name, Path dir, JsonNode summary, List<Histogram> intervals) {
    }

    /** Saves {@code result} as baseline {@code name} under {@code baselinesDir}, replacing one of that name. */
    public static Path save(Path baselinesDir, String name, SoakResult result, Map<String, String> about) {
        requireName(name);
        Path dir = baselinesDir.resolve(name);
        try {
            Files.createDirectories(dir);
            Files.copy(result.latencyLog(), dir.resolve(SoakFiles.LATENCY_LOG), StandardCopyOption.REPLACE_EXISTING);
            SoakFiles.JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve(SUMMARY).toFile(), summary(name, result, about));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save baseline " + dir, e);
        }
    }

    /** Saves the soak files of an earlier run ({@code reports/soak/<runId>/<phase>}) as baseline {@code name}. */
    public static Path saveFromFiles(Path soakDir, Path baselinesDir, String name) {
        requireName(name);
        Path log = soakDir.resolve(SoakFiles.LATENCY_LOG);
        if (!Files.isRegularFile(log)) {
            throw new ConfigException("no " + SoakFiles.LATENCY_LOG + " in " + soakDir + ": point at a soak run's directory, e.g. reports/soak/<runId>/candidate");
        }
        Path dir = baselinesDir.resolve(name);
        try {
            Files.createDirectories(dir);
            Files.copy(log, dir.resolve(SoakFiles.LATENCY_LOG), StandardCopyOption.REPLACE_EXISTING);
            Histogram all = merge(SoakFiles.readLog(log));
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("name", name);
            summary.put("source", soakDir.toString());
            summary.put("requests", all.getTotalCount());
            summary.put("meanMs", all.getMean() / 1000.0);
            summary.put("p95Ms", all.getValueAtPercentile(95) / 1000.0);
            summary.put("p99Ms", all.getValueAtPercentile(99) / 1000.0);
            SoakFiles.JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve(SUMMARY).toFile(), summary);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save baseline " + dir, e);
        }
    }

    /** Reads baseline {@code name}; one clear message when it is not there. */
    public static Baseline load(Path baselinesDir, String name) {
        requireName(name);
        Path dir = baselinesDir.resolve(name);
        Path log = dir.resolve(SoakFiles.LATENCY_LOG);
        if (!Files.isRegularFile(log)) {
            throw new ConfigException("soak.baseline: no saved baseline '" + name + "' (" + log + " is missing). Save one with "
                    + "'greenlight baseline save <run> " + name + "' (see docs/soak.md), or compare with a baseline running at the same time: soak.baseline: alongside.");
        }
        try {
            JsonNode summary = Files.isRegularFile(dir.resolve(SUMMARY))
                    ? SoakFiles.JSON.readTree(dir.resolve(SUMMARY).toFile()) : SoakFiles.JSON.createObjectNode();
            return new Baseline(name, dir, summary, SoakFiles.readLog(log));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read baseline " + dir, e);
        }
    }

    static Histogram merge(List<Histogram> intervals) {
        Histogram all = new Histogram(1, dev.greenlight.soak.load.LoadAccumulatorLimits.MAX_MICROS, 3);
        intervals.forEach(all::add);
        return all;
    }

    private static Map<String, Object> summary(String name, SoakResult result, Map<String, String> about) {
        RunTotals t = result.totals();
        Histogram latency = t.latency();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", name);
        out.putAll(about);
        out.put("profile", result.profile());
        out.put("started", result.started());
        out.put("ended", result.ended());
        out.put("stopReason", result.stopReason());
        out.put("requests", t.finished());
        out.put("errorRate", t.errorRate());
        out.put("meanMs", latency.getTotalCount() == 0 ? null : latency.getMean() / 1000.0);
        out.put("p50Ms", latency.getValueAtPercentile(50) / 1000.0);
        out.put("p95Ms", latency.getValueAtPercentile(95) / 1000.0);
        out.put("p99Ms", latency.getValueAtPercentile(99) / 1000.0);
        out.put("cpuMean", nan(t.cpuMean()));
        out.put("cpuPeak", nan(t.cpuPeak()));
        out.put("poolPeak", nan(t.poolPeak()));
        out.put("dbQueryMeanMs", nan(t.dbQueryMean()));
        out.put("memoryMBPerHour", nan(result.memory().settled().slope()));
        return out;
    }

    private static Object nan(double value) {
        return Double.isNaN(value) ? null : value;
    }

    private static void requireName(String name) {
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}")) {
            throw new ConfigException("soak.baseline: '" + name + "' is not a baseline name (letters, digits, '.', '_', '-'), e.g. prisma-6.19.0");
        }
    }
}
