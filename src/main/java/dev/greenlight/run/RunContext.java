package dev.greenlight.run;

import dev.greenlight.config.ConfigLoader;
import dev.greenlight.config.EffectiveConfig;
import dev.greenlight.config.Masker;
import dev.greenlight.config.RunSettings;
import dev.greenlight.config.Settings;
import dev.greenlight.config.TargetConfig;
import dev.greenlight.evidence.EvidenceLog;
import dev.greenlight.evidence.RunManifest;
import dev.greenlight.gate.Criteria;
import dev.greenlight.gate.CriteriaFile;
import dev.greenlight.gate.CriterionSpec;
import dev.greenlight.gate.Priority;
import dev.greenlight.migration.MigrationTarget;
import dev.greenlight.migration.PreDeploySnapshot;
import dev.greenlight.report.AllureResults;
import dev.greenlight.report.BuildInfo;
import dev.greenlight.target.LocalTarget;
import dev.greenlight.target.RemoteTarget;
import dev.greenlight.target.Target;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Stage;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.TestResult;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One run of the acceptance suites: its settings, the resolved target configuration, the target itself
 * (started or connected), the evidence log and the report directory. Created once per JUnit run by
 * {@link GreenlightExtension} and closed at its end — also when the run fails, and by a shutdown hook when
 * the JVM is interrupted — so the embedded staging never outlives the run and the evidence is marked
 * finished.
 */
public final class RunContext implements AutoCloseable {

    private final RunSettings run;
    private final ConfigLoader.Loaded loaded;
    private final Masker masker;
    private final EvidenceLog evidence;
    private final AllureResults allure;
    private final Clock clock;
    private final Target target;
    private final Thread shutdownHook;
    private final AtomicBoolean closed = new AtomicBoolean();
    private Criteria criteria;
    private boolean criteriaUnreadable;

    private RunContext(RunSettings run, ConfigLoader.Loaded loaded, Masker masker, EvidenceLog evidence, AllureResults allure,
                       Clock clock, Target target) {
        this.run = run;
        this.loaded = loaded;
        this.masker = masker;
        this.evidence = evidence;
        this.allure = allure;
        this.clock = clock;
        this.target = target;
        this.shutdownHook = new Thread(this::close, "greenlight-run-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Resolves the configuration, opens the evidence and brings the target up. A bad configuration throws
     * {@link dev.greenlight.config.ConfigException} before anything starts; a target that does not become ready
     * is reported (in the evidence and in Allure, with its last log lines) and rethrown.
     */
    public static RunContext start(Settings settings, Clock clock) {
        RunSettings run = RunSettings.resolve(settings, clock);
        ConfigLoader.Loaded loaded = new ConfigLoader().load(run, settings);
        TargetConfig config = loaded.config();
        Masker masker = Masker.forConfig(config);
        BuildInfo build = new BuildInfo(System.getenv());
        Map<String, String> info = new LinkedHashMap<>();
        info.put("kind", config.kind().name().toLowerCase());
        Optional.ofNullable(config.app().version().expected()).ifPresent(v -> info.put("expectedVersion", v));
        Optional.ofNullable(config.app().version().baseline()).ifPresent(v -> info.put("baselineVersion", v));
        build.commit().ifPresent(commit -> info.put("commit", commit));
        settings.lookup("groups").ifPresent(groups -> info.put("groups", groups));
        EvidenceLog evidence = EvidenceLog.open(run.evidenceDir(), new RunManifest(run.runId(), config.name(), clock.instant(), null, info), clock);
        AllureResults allure = AllureResults.at(run.allureResultsDir());
        allure.writeJson("executor.json", build.executorJson(run.runId()));
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("Target", config.name() + " (" + info.get("kind") + ")");
        environment.put("Run id", run.runId());
        info.forEach((key, value) -> environment.put(key, value));
        environment.put("Java", System.getProperty("java.version"));
        allure.environment(environment);

        Instant started = clock.instant();
        Target target;
        try {
            target = config.kind() == TargetConfig.Kind.LOCAL
                    ? LocalTarget.start(config, run.runDir().resolve("local"), settings,
                            baseline -> beforeDeploy(baseline, run, settings, clock))
                    : RemoteTarget.connect(config, masker);
        } catch (RuntimeException e) {
            reportSetup(allure, loaded, masker, run, started, clock.instant(), null, e);
            evidence.close();
            throw e;
        }
        Masker runMasker = target instanceof LocalTarget local ? local.masker() : masker;
        environment.clear();
        environment.put("Base URL", runMasker.mask(target.config().app().baseUrl()));
        allure.environment(environment);
        reportSetup(allure, loaded, runMasker, run, started, clock.instant(), target, null);
        return new RunContext(run, loaded, runMasker, evidence, allure, clock, target);
    }

    /**
     * Runs while the {@code local} target's baseline is up, before the candidate is deployed over it: takes the
     * {@code pre-deploy} data snapshot (and, unless the run selects other suites only, rehearses the candidate's
     * migrations on a scratch copy) into this run's own {@code snapshots} directory, so no run ever compares
     * against an earlier run's snapshot. A failure is recorded there for the migration suite, never thrown.
     */
    private static void beforeDeploy(LocalTarget baseline, RunSettings run, Settings settings, Clock clock) {
        boolean rehearse = settings.lookup("groups").map(groups -> groups.isBlank() || groups.contains("migration")).orElse(true);
        PreDeploySnapshot.captureOrRecord(new MigrationTarget(baseline.config(), baseline.masker()),
                PreDeploySnapshot.runDirectory(run.runDir()), rehearse, clock);
    }

    private static void reportSetup(AllureResults allure, ConfigLoader.Loaded loaded, Masker masker, RunSettings run,
                                    Instant started, Instant stopped, Target target, RuntimeException failure) {
        TestResult result = new TestResult()
                .setName("Target '" + loaded.config().name() + "' is up and the configuration is valid")
                .setFullName("greenlight.run.setup")
                .setHistoryId("greenlight.run.setup." + loaded.config().name())
                .setStage(Stage.FINISHED)
                .setStart(started.toEpochMilli())
                .setStop(stopped.toEpochMilli())
                .setStatus(failure == null ? Status.PASSED : Status.BROKEN)
                .setLabels(new ArrayList<>(List.of(new Label().setName("epic").setValue("Run"),
                        new Label().setName("feature").setValue("Target and configuration"),
                        new Label().setName("severity").setValue("blocker"))));
        result.setDescription("Run " + run.runId() + " against " + loaded.config().name() + ". Effective configuration attached (secrets masked).");
        result.getAttachments().add(allure.attachText("effective configuration", "text/yaml", "yaml",
                EffectiveConfig.render(loaded.config(), loaded.overrides(), masker)));
        if (failure == null && target instanceof RemoteTarget remote && !remote.readiness().healthy()) {
            result.setDescription(result.getDescription() + " Health was NOT ok after app.readiness.timeout: "
                    + masker.mask(remote.readiness().lastSeen()) + " — the suites run anyway and report it.");
        }
        if (failure != null) {
            String message = masker.mask(failure.getMessage());
            result.setStatusDetails(new StatusDetails().setMessage(message));
            result.getAttachments().add(allure.attachText("why the target is not ready", "text/plain", "txt", message));
        }
        allure.write(result);
    }

    public RunSettings settings() {
        return run;
    }

    /**
     * The Allure severity a test serving {@code criteria} gets: that of the highest-priority criterion in
     * {@code suites/go-no-go.yaml}. Empty when the file cannot be read (the gate reports that at the end).
     */
    public Optional<String> severityOf(String... criteria) {
        Criteria catalogue = criteria();
        if (catalogue == null) {
            return Optional.empty();
        }
        return java.util.Arrays.stream(criteria).map(catalogue::byId).flatMap(Optional::stream)
                .map(CriterionSpec::priority).min(java.util.Comparator.naturalOrder()).map(Priority::allureSeverity);
    }

    private synchronized Criteria criteria() {
        if (criteria == null && !criteriaUnreadable) {
            try {
                criteria = CriteriaFile.load(run.suitesDir().resolve("go-no-go.yaml"));
            } catch (RuntimeException e) {
                criteriaUnreadable = true;
            }
        }
        return criteria;
    }

    public String runId() {
        return run.runId();
    }

    /**
     * Where the value of config key {@code key} came from, for statements in the verdict: {@code property
     * greenlight.browser.enabled}, {@code environment GREENLIGHT_BROWSER_ENABLED}, or the target file.
     */
    public String sourceOf(String key) {
        return loaded.overrides().getOrDefault(key, loaded.file().toString());
    }

    /** The tag carried by every row this run creates on staging, e.g. {@code gl-20261125-184501-k3f9}. */
    public String dataTag() {
        return loaded.config().testData().tagPrefix() + "-" + run.runId();
    }

    public Target target() {
        return target;
    }

    /** The effective target configuration (addresses filled in). */
    public TargetConfig config() {
        return target.config();
    }

    public Masker masker() {
        return masker;
    }

    public EvidenceLog evidence() {
        return evidence;
    }

    public AllureResults allure() {
        return allure;
    }

    public Clock clock() {
        return clock;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            target.close();
        } finally {
            evidence.close();
            if (Thread.currentThread() != shutdownHook) {
                try {
                    Runtime.getRuntime().removeShutdownHook(shutdownHook);
                } catch (IllegalStateException e) {
                    // the JVM is already shutting down
                }
            }
        }
    }
}
