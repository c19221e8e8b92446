package dev.greenlight.matrix;

import dev.greenlight.config.Durations;
import dev.greenlight.gate.CriterionResult;
import dev.greenlight.gate.Decision;
import dev.greenlight.soak.SoakFiles;
import dev.greenlight.soak.profile.SoakProfiles;
import dev.greenlight.soak.stats.LatencyComparison;
import dev.greenlight.testkit.MainJob;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Can the verdict be trusted on a busy machine? Repeats the healthy main job {@code N} times (default 10) while a CPU
 * hog — {@code yes > /dev/null} under {@code timeout}, one busy core per hog, started and stopped here — runs beside it,
 * then the +30 % and +60 % latency rows under the same hog, and prints every verdict. Goal (issue 12): no NO-GO or
 * ROLLBACK and at most one HOLD among the healthy runs; +30 % still NO-GO by {@code baseline}, +60 % still ROLLBACK.
 *
 * <p>It also measures what a historical baseline cannot see past: each healthy run's candidate soak compared with the
 * previous healthy run's (minutes apart, not time-matched), the run-to-run spread {@code soak.historicalSpread} stands for.
 *
 * <pre>
 * mvn -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.greenlight.matrix.VerdictTrustBenchmark -Dexec.args="10 1"
 * </pre>
 * Arguments: healthy runs (1..30, default 10), hogs (0..4, default 1).
 */
public final class VerdictTrustBenchmark {

    private VerdictTrustBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int hogs = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        if (runs < 1 || runs > 30 || hogs < 0 || hogs > 4) {
            throw new IllegalArgumentException("runs must be 1..30 and hogs 0..4, got " + runs + " and " + hogs);
        }
        List<String> lines = new ArrayList<>();
        List<Process> hogProcesses = new ArrayList<>();
        int alarms = 0;
        int holds = 0;
        List<Double> historical = new ArrayList<>();
        Duration warmUp = SoakProfiles.load(Path.of("suites", "soak.yaml")).select("ci").profile().warmUp();
        try (FaultMatrix matrix = FaultMatrix.start(Files.createTempDirectory("greenlight-trust-bench-"))) {
            for (int i = 0; i < hogs; i++) {
                hogProcesses.add(new ProcessBuilder("timeout", "7200", "yes").redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
            }
            Path previous = null;
            for (int i = 1; i <= runs; i++) {
                Row row = new Row("healthy " + i + " under " + hogs + " hog(s)", "", null, SignOffSheet.PENDING,
                        Expected.goAwaitingSignOff(), null);
                String load = loadAverage();
                MainJob.Result result = matrix.run(row);
                Decision decision = result.verdict().decision();
                alarms += decision == Decision.NO_GO || decision == Decision.ROLLBACK ? 1 : 0;
                holds += decision == Decision.HOLD ? 1 : 0;
                Path soak = result.runDir().getParent().getParent().resolve("soak").resolve(result.runId()).resolve("candidate");
                String spread = "";
                if (previous != null) {
                    LatencyComparison c = LatencyComparison.of(SoakFiles.afterWarmUp(SoakFiles.readLog(previous.resolve(SoakFiles.LATENCY_LOG)), warmUp),
                            SoakFiles.afterWarmUp(SoakFiles.readLog(soak.resolve(SoakFiles.LATENCY_LOG)), warmUp), 2000, 0.95, 7L);
                    historical.add(c.meanRatio() - 1);
                    spread = String.format(Locale.ROOT, "; against the previous run (historical): mean %+.1f %%, p95 %+.1f %%",
                            (c.meanRatio() - 1) * 100, (c.p95Ratio() - 1) * 100);
                }
                previous = soak;
                lines.add(line(i + "/" + runs + " healthy", result, "baseline", load) + spread);
                System.out.println("[trust benchmark] " + lines.get(lines.size() - 1));
            }
            for (Row row : List.of(
                    new Row("latency +30 % under " + hogs + " hog(s)", "slowdown=30%", "soak", SignOffSheet.PENDING, Expected.exactly(Decision.NO_GO), "baseline"),
                    new Row("latency +60 % under " + hogs + " hog(s)", "slowdown=60%", "soak", SignOffSheet.PENDING, Expected.exactly(Decision.ROLLBACK), "baseline"))) {
                String load = loadAverage();
                MainJob.Result result = matrix.run(row);
                List<String> problems = row.problems(result.verdict());
                alarms += problems.isEmpty() ? 0 : 1;
                lines.add(line(row.name(), result, "baseline", load) + (problems.isEmpty() ? " — as expected" : " — WRONG: " + problems));
                System.out.println("[trust benchmark] " + lines.get(lines.size() - 1));
            }
            Path table = Path.of("target", "verdict-trust-benchmark.md");
            Files.createDirectories(table.getParent());
            Files.writeString(table, MatrixTable.render(matrix.results()));
        } finally {
            // timeout's child keeps running when only timeout is killed: take the whole tree
            hogProcesses.forEach(hog -> {
                hog.descendants().forEach(ProcessHandle::destroyForcibly);
                hog.destroyForcibly();
            });
        }
        System.out.println();
        lines.forEach(line -> System.out.println("[trust benchmark] " + line));
        double worst = historical.stream().mapToDouble(Math::abs).max().orElse(Double.NaN);
        System.out.printf(Locale.ROOT, "[trust benchmark] healthy x%d under %d hog(s): %d NO-GO/ROLLBACK or wrong slowdown verdicts, %d HOLD;"
                + " historical run-to-run mean spread: largest %.1f %% of %d pairs%n", runs, hogs, alarms, holds, worst * 100, historical.size());
        System.exit(alarms == 0 && holds <= Math.max(1, runs / 10) ? 0 : 1);
    }

    private static String line(String name, MainJob.Result result, String criterion, String load) {
        CriterionResult row = result.verdict().row(criterion).orElseThrow();
        String p95 = result.verdict().row("latency-p95").map(CriterionResult::measuredText).orElse("—");
        String deciding = result.verdict().deciding().isEmpty() ? "" : " by " + String.join(", ", result.verdict().deciding());
        return String.format(Locale.ROOT, "%s: %s%s; baseline %s [%s] (%s); p95 %s; took %s; load %s", name, result.verdict().headline(),
                deciding, row.measuredText(), row.intervalText(), row.status().label(), p95, Durations.format(result.took()), load);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "n/a";
        }
    }
}
