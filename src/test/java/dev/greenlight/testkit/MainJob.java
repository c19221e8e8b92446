package dev.greenlight.testkit;

import dev.greenlight.config.GateConfig;
import dev.greenlight.gate.RunJudgement;
import dev.greenlight.gate.Verdict;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

/**
 * The main job in this JVM, as {@code mvn -Pacceptance verify} runs it minus the HTML report: every acceptance
 * suite (or those a tag expression selects) against the configured target, then the gate on the run's evidence.
 * The fault matrix runs it once per row.
 */
public final class MainJob {

    private final Map<String, String> settings = new LinkedHashMap<>();
    private String groups;

    private MainJob() {
    }

    public static MainJob against(Map<String, String> settings) {
        MainJob job = new MainJob();
        job.settings.putAll(settings);
        return job;
    }

    /** One more setting on top of those given. */
    public MainJob with(String key, String value) {
        settings.put(key, value);
        return this;
    }

    /** Only the suites this tag expression selects (e.g. {@code "smoke | critical"}); all when never called. */
    public MainJob groups(String tagExpression) {
        groups = tagExpression;
        return this;
    }

    /**
     * Runs the suites under {@code reports}, then judges the run with {@code suites} (criteria and sign-off).
     *
     * @param gate how the target asks to be judged ({@code gate} in its target file)
     */
    public Result run(String runId, Path reports, Path suites, GateConfig gate) {
        SuiteRun suitesRun = SuiteRun.selecting(selectPackage("dev.greenlight.acceptance")).with(settings).with("greenlight.runId", runId);
        if (groups != null) {
            suitesRun.tagged(groups);
            suitesRun.with("groups", groups);
        }
        long started = System.nanoTime();
        SuiteRun.Outcomes outcomes = suitesRun.execute(reports);
        Path runDir = reports.resolve("evidence").resolve(runId);
        Verdict verdict = RunJudgement.judge(reports, suites, runDir, gate, Clock.systemUTC());
        return new Result(runId, runDir, outcomes, verdict, Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * One run of the main job.
     *
     * @param runId    its run id
     * @param runDir   its evidence directory (with its Allure results kept inside)
     * @param outcomes what happened to each test
     * @param verdict  the gate's verdict
     * @param took     how long suites and gate took
     */
    public record Result(String runId, Path runDir, SuiteRun.Outcomes outcomes, Verdict verdict, Duration took) {
    }
}
