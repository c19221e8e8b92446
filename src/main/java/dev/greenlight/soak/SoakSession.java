package dev.greenlight.soak;

import dev.greenlight.config.BaselineConfig;
import dev.greenlight.config.ConfigException;
import dev.greenlight.config.SoakConfig;
import dev.greenlight.config.TargetConfig;
import dev.greenlight.run.EvidenceRecorder;
import dev.greenlight.run.RunContext;
import dev.greenlight.soak.profile.SoakProfiles;
import dev.greenlight.soak.stats.LatencyComparison;
import dev.greenlight.target.TargetNotReadyException;
import io.qameta.allure.Allure;
import org.HdrHistogram.Histogram;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The soak as the suite runs it: picks the profile, runs the candidate with its evidence going to the test, compares
 * it with the baseline, and attaches charts, checkpoints and incidents to the report. Files go to
 * {@code reports/soak/<runId>/}.
 *
 * <p>The comparison is time-matched when it can be ({@code soak.baseline: alongside}): the baseline deployment — the
 * one the target names, or the one the {@code local} target starts beside the candidate — is driven with the same
 * open-model schedule at the same time, interleaved request by request, and compared slice by slice, so machine noise
 * hits both sides alike. A saved baseline ({@code soak.baseline: <name>}) is a historical comparison: its interval is
 * widened by the run-to-run spread, and the verdict says it is not time-matched.
 */
public final class SoakSession {

    private SoakSession() {
    }

    /**
     * What the session did.
     *
     * @param candidate  the candidate run
     * @param baseline   what it was compared with, or null when it was not
     * @param comparison the candidate against it, or null
     */
    public record Outcome(SoakResult candidate, String baseline, LatencyComparison comparison) {
    }

    public static Outcome run(RunContext run, EvidenceRecorder recorder) throws InterruptedException {
        TargetConfig config = run.config();
        SoakProfiles.Selected selected = SoakProfiles.load(run.settings().suitesDir().resolve("soak.yaml")).select(config.soak().profile());
        Path root = run.settings().reportsDir().resolve("soak").resolve(run.runId());
        String setting = config.soak().baseline();
        EvidenceSink sink = (measurement, attach) -> {
            if (attach) {
                recorder.record(measurement);
            } else {
                recorder.recordQuietly(measurement);
            }
        };
        SoakEvidence evidence = new SoakEvidence(sink, selected.name());
        SoakRun.Plan plan = SoakRun.Plan.forTarget(config, run.masker(), selected, run.dataTag(), root.resolve("candidate"), sink, System.out);
        if (SoakConfig.ALONGSIDE.equals(setting)) {
            return alongside(run, selected, plan, root, evidence);
        }
        Baselines.Baseline saved = setting == null || setting.isBlank() || SoakConfig.NONE.equals(setting) ? null
                : Baselines.load(run.settings().reportsDir().resolve("baselines"), setting);
        SoakResult result = new SoakRun(plan).run();
        attach(result);
        if (saved == null) {
            return new Outcome(result, null, null);
        }
        Duration warmUp = selected.profile().warmUp();
        LatencyComparison comparison = LatencyComparison.of(SoakFiles.afterWarmUp(saved.intervals(), warmUp),
                SoakFiles.afterWarmUp(SoakFiles.readLog(result.latencyLog()), warmUp), 2000, 0.95, 7L)
                .widenedBy(config.soak().historicalSpread());
        String against = saved.name() + " (historical, not time-matched)";
        evidence.baseline(comparison, against, false, warmUp, result.started(), result.ended());
        return new Outcome(result, against, comparison);
    }

    /** The candidate and the baseline beside it, one schedule interleaved across both, compared slice by slice. */
    private static Outcome alongside(RunContext run, SoakProfiles.Selected selected, SoakRun.Plan plan, Path root, SoakEvidence evidence)
            throws InterruptedException {
        TargetConfig config = run.config();
        Optional<BaselineConfig> deployment;
        String unavailable = null;
        try {
            deployment = run.target().baseline();
            if (deployment.isEmpty()) {
                throw new ConfigException("soak.baseline: 'alongside' needs a baseline deployment: set baseline.baseUrl in the target file, "
                        + "or name a saved baseline (soak.baseline: prisma-6.19.0), or none");
            }
        } catch (TargetNotReadyException e) {
            deployment = Optional.empty();
            unavailable = run.masker().mask(e.getMessage());
        }
        if (deployment.isEmpty()) {
            SoakResult result = new SoakRun(plan).run();
            attach(result);
            evidence.baselineNotRun("the baseline deployment beside the candidate did not start: " + unavailable,
                    "see the baseline's log under reports/evidence/" + run.runId() + "/local/baseline, or name a saved baseline in soak.baseline",
                    result.ended());
            return new Outcome(result, null, null);
        }
        BaselineConfig baseline = deployment.get();
        StartLine line = new StartLine(2, config.app().readiness().timeout().plus(Duration.ofMinutes(1)));
        Path baselineDir = root.resolve("baseline");
        SoakRun baselineRun;
        PrintStream baselineProgress = progressFile(baselineDir);
        baselineRun = new SoakRun(SoakRun.Plan.forBaseline(config, baseline, run.masker(), selected, run.dataTag() + "-b", baselineDir,
                baselineProgress).startingFrom(line.ticket(1)));
        CompletableFuture<SoakResult> beside = CompletableFuture.supplyAsync(() -> {
            try {
                return baselineRun.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        });
        SoakResult result;
        try {
            result = new SoakRun(plan.startingFrom(line.ticket(0))).run();
        } finally {
            baselineRun.stop("the candidate's soak ended");
        }
        attach(result);
        String version = baseline.version() != null ? baseline.version() : config.app().version().baseline();
        String against = (version == null ? baseline.baseUrl() : version) + " alongside (time-matched)";
        Duration warmUp = selected.profile().warmUp();
        try {
            SoakResult baselineResult = beside.get(config.app().timeouts().request().plusMinutes(2).toMillis(), TimeUnit.MILLISECONDS);
            List<Histogram> baselineIntervals = SoakFiles.afterWarmUp(SoakFiles.readLog(baselineResult.latencyLog()), warmUp);
            List<Histogram> candidateIntervals = SoakFiles.afterWarmUp(SoakFiles.readLog(result.latencyLog()), warmUp);
            LatencyComparison comparison = LatencyComparison.paired(baselineIntervals, candidateIntervals, 2000, 0.95, 7L);
            evidence.baseline(comparison, against, true, warmUp, result.started(), result.ended());
            Allure.addAttachment("baseline soak summary (" + against + ")", "text/plain", SoakSummary.text(baselineResult), ".txt");
            return new Outcome(result, against, comparison);
        } catch (ExecutionException | TimeoutException | IllegalArgumentException e) {
            String why = e instanceof ExecutionException ? String.valueOf(e.getCause().getMessage()) : e.toString();
            evidence.baselineNotRun("the baseline's soak beside the candidate gave nothing to compare with: " + run.masker().mask(why),
                    "check the baseline deployment at " + baseline.baseUrl() + " (its log and " + baselineDir + ")", Instant.now());
            return new Outcome(result, null, null);
        } finally {
            baselineProgress.close();
        }
    }

    private static PrintStream progressFile(Path dir) {
        try {
            Files.createDirectories(dir);
            return new PrintStream(new FileOutputStream(dir.resolve("progress.log").toFile()), true, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the baseline's progress under " + dir, e);
        }
    }

    private static void attach(SoakResult result) {
        for (SoakCharts.Chart chart : SoakCharts.render(result, result.dir())) {
            attachFile(chart.title(), "image/png", "png", chart.file());
        }
        for (Path checkpoint : result.checkpoints()) {
            attachFile("checkpoint " + checkpoint.getFileName(), "text/markdown", "md", checkpoint);
        }
        StringBuilder incidents = new StringBuilder();
        result.incidents().forEach(incident -> incidents.append(incident).append('\n'));
        Allure.addAttachment("soak incidents", "text/plain", incidents.length() == 0 ? "none" : incidents.toString(), ".txt");
        Allure.addAttachment("soak summary", "text/plain", SoakSummary.text(result), ".txt");
    }

    private static void attachFile(String name, String type, String extension, Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            Allure.addAttachment(name, type, in, extension);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot attach " + file, e);
        }
    }
}
