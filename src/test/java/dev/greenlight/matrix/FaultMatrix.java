package dev.greenlight.matrix;

import dev.greenlight.config.ConfigLoader;
import dev.greenlight.config.GateConfig;
import dev.greenlight.config.RunSettings;
import dev.greenlight.config.Settings;
import dev.greenlight.gate.Verdict;
import dev.greenlight.testkit.MainJob;
import dev.greenlight.testkit.ScratchRepos;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.commons.io.file.PathUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs fault-matrix rows: the main job (suites + gate) against the sample app as the {@code local} target starts
 * it from {@code suites/targets/local.yaml}, one run per row, all sharing one PostgreSQL server and one build. That
 * file gives the app {@code WORK_MS=100} (requests that take about 100 ms), so a slowdown of 30 % or 60 % of its
 * handling time reads as that at the client, not diluted by fixed HTTP costs. The baseline is time-matched, as the file
 * asks ({@code soak.baseline: alongside}): each row's soak drives the healthy 6.19.0 beside its candidate.
 */
final class FaultMatrix implements AutoCloseable {

    private static final Path SUITES = Path.of("suites");

    private final Path work;
    private final EmbeddedPostgres server;
    private final Path targetFile;
    private final GateConfig gate;
    private final Map<Row, MainJob.Result> results = new LinkedHashMap<>();

    private FaultMatrix(Path work, EmbeddedPostgres server, Path targetFile, GateConfig gate) {
        this.work = work;
        this.server = server;
        this.targetFile = targetFile;
        this.gate = gate;
    }

    /** Starts the shared server and reads the local target's gate settings. */
    static FaultMatrix start(Path work) {
        EmbeddedPostgres server;
        try {
            server = EmbeddedPostgres.builder().setServerConfig("shared_preload_libraries", "pg_stat_statements").start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the matrix's shared PostgreSQL", e);
        }
        Path targetFile = SUITES.resolve("targets").resolve("local.yaml");
        Map<String, String> settings = Map.of("greenlight.targetFile", targetFile.toString());
        Settings resolved = Settings.of(settings, Map.of());
        GateConfig gate = new ConfigLoader().load(RunSettings.resolve(resolved, Clock.systemUTC()), resolved).config().gate();
        return new FaultMatrix(work, server, targetFile, gate);
    }

    /** Runs {@code row}; rows that only re-judge evidence re-judge the healthy row's (which must have run). */
    MainJob.Result run(Row row) {
        Path rowDir = work.resolve(Rows.slug(row));
        if (Files.exists(rowDir)) {
            throw new IllegalStateException("row '" + row.name() + "' would reuse " + rowDir + " (and add to its evidence): give it a"
                    + " name whose first 32 characters differ from every other row's");
        }
        Path reports = rowDir.resolve("reports");
        MainJob.Result result = row.faults() == null ? rejudge(row, rowDir) : runSuites(row, reports);
        results.put(row, result);
        return result;
    }

    private MainJob.Result runSuites(Row row, Path reports) {
        boolean needsPreDeploy = row.groups() == null || row.groups().contains("migration");
        // repo=<fault> is the preflight's scratch repository's fault, not the sample app's
        List<String> items = row.faults().isEmpty() ? List.of() : List.of(row.faults().split(","));
        String repoFault = items.stream().filter(item -> item.startsWith("repo=")).map(item -> item.substring(5)).findFirst().orElse("");
        String appFaults = String.join(",", items.stream().filter(item -> !item.startsWith("repo=")).toList());
        MainJob job = MainJob.against(settings(appFaults, needsPreDeploy));
        if (!repoFault.isEmpty()) {
            job.with("greenlight.preflight.repo", ScratchRepos.create(repoFault, reports.getParent().resolve("repo")).toString());
        }
        row.settings().forEach(job::with);
        if (row.groups() != null) {
            job.groups(row.groups());
        }
        String runId = "matrix-" + Rows.slug(row) + "-" + ProcessHandle.current().pid();
        return job.run(runId, reports, SignOffSheet.PENDING.suitesIn(reports.getParent().resolve("suites"), SUITES, null), gate);
    }

    private MainJob.Result rejudge(Row row, Path rowDir) {
        MainJob.Result healthy = results.get(Rows.HEALTHY);
        if (healthy == null) {
            throw new IllegalStateException("row '" + row.name() + "' re-judges the healthy row's evidence, which has not run");
        }
        long started = System.nanoTime();
        Verdict verdict = SignOffRow.judge(row, healthy.runDir(), rowDir, SUITES, gate);
        return new MainJob.Result(healthy.runId(), SignOffRow.runDir(rowDir, healthy.runDir()), healthy.outcomes(), verdict,
                Duration.ofNanos(System.nanoTime() - started));
    }

    /** The settings of a row's main job: the matrix's target file, the shared server, the row's faults. */
    private Map<String, String> settings(String faults, boolean deployFromBaseline) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("greenlight.targetFile", targetFile.toString());
        settings.put("greenlight.local.postgres.server", "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/postgres");
        settings.put("greenlight.local.deploy.fromBaseline", String.valueOf(deployFromBaseline));
        settings.put("greenlight.sample.faults", faults);
        return settings;
    }

    Map<Row, MainJob.Result> results() {
        return results;
    }

    GateConfig gate() {
        return gate;
    }

    Path work() {
        return work;
    }

    List<Path> runDirs() {
        return results.values().stream().map(MainJob.Result::runDir).distinct().toList();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // the temporary server goes with the test JVM anyway
        }
    }

    static void copyTree(Path from, Path to) {
        try {
            Files.createDirectories(to.getParent()); // PathUtils creates the target, not its parents
            PathUtils.copyDirectory(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from + " to " + to, e);
        }
    }
}
