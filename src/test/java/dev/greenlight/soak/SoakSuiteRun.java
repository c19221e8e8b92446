package dev.greenlight.soak;

import dev.greenlight.config.SoakConfig;
import dev.greenlight.evidence.EvidenceReader;
import dev.greenlight.evidence.Measurement;
import dev.greenlight.gate.CriterionResult;
import dev.greenlight.gate.Gate;
import dev.greenlight.gate.Verdict;
import dev.greenlight.testkit.SampleStaging;
import dev.greenlight.testkit.SuiteRun;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * The soak suite run in this JVM against the shared sample app (as a remote target), with its own run id, and the
 * evidence it left read back the way the gate reads it: the soak self-tests' fixture.
 */
final class SoakSuiteRun {

    private static final AtomicInteger RUNS = new AtomicInteger();
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private SoakSuiteRun() {
    }

    static String format(Double value) {
        return value == null ? "-" : String.format(java.util.Locale.ROOT, "%.4g", value);
    }

    /** Runs profile {@code profile}, compared with saved baseline {@code baseline} under {@code reports/baselines} (or none). */
    static Result run(SampleStaging app, Path reports, String profile, String baseline) {
        String runId = "soak-selftest-" + ProcessHandle.current().pid() + "-" + RUNS.incrementAndGet();
        SuiteRun.Outcomes outcomes = SuiteRun.of("soak").with(app.asRemoteTarget()).with(settings(runId, profile, baseline))
                .execute(reports);
        Result result = new Result(runId, outcomes, EvidenceReader.read(List.of(reports.resolve("evidence").resolve(runId))), reports);
        System.out.println("[soak self-test] profile " + profile + ", " + result);
        return result;
    }

    /** The settings that point the soak suite at its profile and baseline, with a known run id. */
    static Map<String, String> settings(String runId, String profile, String baseline) {
        return Map.of("greenlight.runId", runId, "greenlight.soak.profile", profile,
                "greenlight.soak.baseline", baseline == null ? SoakConfig.NONE : baseline);
    }

    /**
     * One soak run's outcome and evidence.
     *
     * @param runId    its run id
     * @param outcomes what happened to the soak test
     * @param evidence its evidence, as the gate reads it
     * @param reports  the reports directory it wrote to
     */
    record Result(String runId, SuiteRun.Outcomes outcomes, EvidenceReader.Evidence evidence, Path reports) {

        List<Measurement> of(String criterion) {
            return evidence.measurements().stream().filter(m -> m.criterion().equals(criterion)).toList();
        }

        /** The last measurement of a criterion recorded more than once (the memory trend at the end of the run). */
        Measurement last(String criterion) {
            return of(criterion).stream().max(Comparator.comparing(Measurement::to))
                    .orElseThrow(() -> new AssertionError("no '" + criterion + "' measurement in run " + runId + "; " + this));
        }

        /** The gate's verdict on this run's evidence alone (test outcomes left out: the criteria are judged on measurements). */
        Verdict verdict() {
            Path evidence = reports.resolve("evidence").resolve(runId);
            return new Gate(Clock.systemUTC()).run(new Gate.Request(List.of(evidence), List.of(), Path.of("suites", "go-no-go.yaml"),
                    null, reports.resolve("verdict").resolve(runId), null, null));
        }

        /** How the gate judged one criterion on this run's evidence. */
        CriterionResult judged(String criterion) {
            return verdict().row(criterion).orElseThrow(() -> new AssertionError("the gate has no criterion '" + criterion + "'"));
        }

        /** Why the run stopped early, or "none". */
        String stopReason() {
            return last("soak-run").attributes().get("stopReason");
        }

        /** Lowest live heap of the last interval minus that of the first, in MB (10^6 bytes), from {@code intervals.ndjson}. */
        double heapGrowthMB() {
            List<Double> heap = heapMB();
            return heap.size() < 2 ? Double.NaN : heap.get(heap.size() - 1) - heap.get(0);
        }

        /** Lowest live heap of each interval, in MB (10^6 bytes), from {@code intervals.ndjson}. */
        List<Double> heapMB() {
            try {
                List<Double> heap = new java.util.ArrayList<>();
                for (String line : java.nio.file.Files.readAllLines(soakDir().resolve("intervals.ndjson"))) {
                    var value = JSON.readTree(line).path("monitor").path("heapMin");
                    if (value.isNumber()) {
                        heap.add(Math.round(value.asDouble() / 1e4) / 100.0);
                    }
                }
                return heap;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        /** Mean, p50, p95 and p99 of the whole run, ms. */
        String latency() {
            var all = new org.HdrHistogram.Histogram(1, 3_600_000_000L, 3);
            SoakFiles.readLog(soakDir().resolve(SoakFiles.LATENCY_LOG)).forEach(all::add);
            return String.format(java.util.Locale.ROOT, "mean %.1f ms, p50 %.1f, p95 %.1f, p99 %.1f (%d requests)", all.getMean() / 1000,
                    all.getValueAtPercentile(50) / 1000.0, all.getValueAtPercentile(95) / 1000.0, all.getValueAtPercentile(99) / 1000.0,
                    all.getTotalCount());
        }

        /** The soak's own files of the candidate run. */
        Path soakDir() {
            return reports.resolve("soak").resolve(runId).resolve("candidate");
        }

        @Override
        public String toString() {
            return "run " + runId + ":" + outcomes.summary() + "\n  measured: " + evidence.measurements().stream()
                    .filter(m -> !m.name().contains("(interval "))
                    .map(m -> m.criterion() + " " + format(m.value()) + " " + m.unit() + " [" + format(m.low()) + ", "
                            + format(m.high()) + "] " + m.attributes())
                    .collect(Collectors.joining("\n    ", "\n    ", "")) + "\n  live heap per interval, MB: " + heapMB()
                    + "\n  latency from the intended start: " + latency();
        }
    }
}
