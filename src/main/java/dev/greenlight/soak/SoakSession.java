package dev.greenlight.soak;

import dev.greenlight.config.ConfigException;
import dev.greenlight.config.SoakConfig;
import dev.greenlight.config.TargetConfig;
import dev.greenlight.run.EvidenceRecorder;
import dev.greenlight.run.RunContext;
import dev.greenlight.soak.profile.SoakProfiles;
import dev.greenlight.soak.stats.LatencyComparison;
import dev.greenlight.target.LocalTarget;
import io.qameta.allure.Allure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The soak as the suite runs it: picks the profile, gets the baseline (a saved one, or measured first on a local
 * target by running the same profile against the baseline version), runs the candidate with its evidence going
 * to the test, compares it with the baseline, and attaches charts, checkpoints and incidents to the report.
 * Files go to {@code reports/soak/<runId>/}.
 */
public final class SoakSession {

    private SoakSession() {
    }

    /**
     * What the session did.
     *
     * @param candidate  the candidate run
     * @param baseline   the baseline's name, or null when the run is not compared
     * @param comparison the candidate against it, or null
     */
    public record Outcome(SoakResult candidate, String baseline, LatencyComparison comparison) {
    }

    public static Outcome run(RunContext run, EvidenceRecorder recorder) throws InterruptedException {
        TargetConfig config = run.config();
        SoakProfiles.Selected selected = SoakProfiles.load(run.settings().suitesDir().resolve("soak.yaml")).select(config.soak().profile());
        Path root = run.settings().reportsDir().resolve("soak").resolve(run.runId());
        String baselineSetting = config.soak().baseline();
        Baselines.Baseline baseline = null;
        if (SoakConfig.MEASURE.equals(baselineSetting)) {
            baseline = measureBaseline(run, selected, root);
        } else if (baselineSetting != null && !baselineSetting.isBlank()) {
            baseline = Baselines.load(run.settings().reportsDir().resolve("baselines"), baselineSetting);
        }
        EvidenceSink sink = (measurement, attach) -> {
            if (attach) {
                recorder.record(measurement);
            } else {
                recorder.recordQuietly(measurement);
            }
        };
        SoakRun.Plan plan = SoakRun.Plan.forTarget(config, run.masker(), selected, run.dataTag(), root.resolve("candidate"), sink, System.out);
        SoakResult result = new SoakRun(plan).run();
        attach(result);
        LatencyComparison comparison = null;
        if (baseline != null) {
            comparison = LatencyComparison.of(baseline.intervals(), SoakFiles.readLog(result.latencyLog()), 2000, 0.95, 7L);
            new SoakEvidence(sink, selected.name()).baseline(comparison, baseline.name(), result.started(), result.ended());
        }
        return new Outcome(result, baseline == null ? null : baseline.name(), comparison);
    }

    /** Runs the profile against the baseline version of a local target, saves it run-scoped, then redeploys the candidate. */
    private static Baselines.Baseline measureBaseline(RunContext run, SoakProfiles.Selected selected, Path root) throws InterruptedException {
        if (!(run.target() instanceof LocalTarget local)) {
            throw new ConfigException("soak.baseline: 'measure' needs a local target (it redeploys the baseline version); "
                    + "for '" + run.config().name() + "' name a saved baseline under reports/baselines/, e.g. prisma-6.19.0");
        }
        String baselineVersion = run.config().app().version().baseline();
        String candidateVersion = run.config().app().version().expected();
        if (baselineVersion == null || candidateVersion == null) {
            throw new ConfigException("soak.baseline: 'measure' needs app.version.baseline and app.version.expected in the target file");
        }
        String name = "measured-" + baselineVersion;
        Path baselines = root.resolve("baselines");
        try {
            local.restartApp(baselineVersion);
            SoakRun.Plan plan = SoakRun.Plan.forTarget(run.config(), run.masker(), selected, run.dataTag() + "-b",
                    root.resolve("baseline"), EvidenceSink.NONE, System.out);
            SoakResult result = new SoakRun(plan).run();
            Baselines.save(baselines, name, result, Map.of("version", baselineVersion, "runId", run.runId(), "measuredOn", run.config().name()));
        } finally {
            local.restartApp(candidateVersion);
        }
        Allure.step("baseline " + baselineVersion + " measured on this target before the candidate (" + baselines.resolve(name) + ")");
        return Baselines.load(baselines, name);
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
