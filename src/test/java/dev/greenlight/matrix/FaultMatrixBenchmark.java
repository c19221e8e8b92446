package dev.greenlight.matrix;

import dev.greenlight.config.Durations;
import dev.greenlight.testkit.MainJob;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The healthy row repeated: the whole main job (all suites, CI soak profile, gate) against the healthy sample app,
 * {@code N} times in a row (default 5) against one measured baseline, to count false alarms. Every run must say
 * "GO — awaiting sign-off"; anything else is printed with its reasons and the benchmark exits non-zero.
 *
 * <pre>
 * mvn -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.greenlight.matrix.FaultMatrixBenchmark -Dexec.args=5
 * </pre>
 */
public final class FaultMatrixBenchmark {

    private FaultMatrixBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        if (runs < 1 || runs > 50) {
            throw new IllegalArgumentException("runs must be 1..50, got " + runs);
        }
        List<String> lines = new ArrayList<>();
        int falseAlarms = 0;
        try (FaultMatrix matrix = FaultMatrix.start(Files.createTempDirectory("greenlight-matrix-bench-"))) {
            for (int i = 1; i <= runs; i++) {
                Row row = new Row("run " + i + ": " + Rows.HEALTHY.name(), Rows.HEALTHY.faults(), Rows.HEALTHY.groups(),
                        Rows.HEALTHY.signOff(), Rows.HEALTHY.expected(), Rows.HEALTHY.deciding());
                MainJob.Result result = matrix.run(row);
                List<String> problems = row.problems(result.verdict());
                if (!problems.isEmpty()) {
                    falseAlarms++;
                }
                String line = String.format("run %d/%d: %s in %s%s", i, runs, result.verdict().headline(), Durations.format(result.took()),
                        problems.isEmpty() ? "" : " — FALSE ALARM: " + problems + "; reasons: " + result.verdict().reasons());
                lines.add(line);
                System.out.println("[matrix benchmark] " + line);
            }
            Path table = Path.of("target", "fault-matrix-benchmark.md");
            Files.createDirectories(table.getParent());
            Files.writeString(table, MatrixTable.render(matrix.results()));
        }
        System.out.println();
        lines.forEach(line -> System.out.println("[matrix benchmark] " + line));
        System.out.printf("[matrix benchmark] healthy row x%d: %d false alarm(s)%n", runs, falseAlarms);
        System.exit(falseAlarms == 0 ? 0 : 1);
    }
}
