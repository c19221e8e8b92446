package dev.greenlight.critical;

import dev.greenlight.config.RunSettings;
import dev.greenlight.gate.CriterionResult;
import dev.greenlight.gate.CriterionStatus;
import dev.greenlight.gate.Gate;
import dev.greenlight.gate.Verdict;
import dev.greenlight.testkit.SampleStaging;
import dev.greenlight.testkit.SampleStagingExtension;
import dev.greenlight.testkit.SuiteRun;
import dev.greenlight.testkit.SuiteRun.Outcomes;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * The browser journeys when there is no browser, and when the target has no web UI: the harness's own trouble is
 * "not run" (the gate holds critical-features and names the fix), a declared scope is stated — neither is ever
 * blamed on the application.
 */
@ExtendWith(SampleStagingExtension.class)
@DisplayName("Browser journeys without a browser are not run (HOLD, fix named); out of scope when the target says so")
class BrowserScopeSelfTests {

    private static final String JOURNEY = "dev.greenlight.acceptance.critical.FeedPageTests";

    @TempDir
    Path reports;

    private final String runId = RunSettings.newRunId(Clock.systemUTC());

    @Test
    @DisplayName("browser.binary pointing nowhere: the journey is aborted naming browser.binary, and critical-features is HOLD with the install command")
    void shouldHoldCriticalFeaturesWhenNoBrowserCanStart(SampleStaging app) throws Exception {
        Outcomes outcomes = run(app.healthy(), "greenlight.browser.binary", "/nowhere/chromium");

        assertThat(outcomes.named("published a moment ago").status()).as("the browser journey:%s", outcomes.summary())
                .isEqualTo(TestExecutionResult.Status.ABORTED);
        assertThat(outcomes.named("published a moment ago").message()).as("why it was not run")
                .contains("not run: no browser for the browser journeys: browser.binary is '/nowhere/chromium'")
                .contains("apt-get install chromium chromium-driver");
        CriterionResult critical = judged().row("critical-features").orElseThrow();
        assertThat(critical.status()).as("critical-features: %s", critical.reason()).isEqualTo(CriterionStatus.NOT_RUN);
        assertThat(critical.reason()).as("the verdict's reason").startsWith("evidence missing: no browser for the browser journeys")
                .contains("fix: fix browser.binary in the target file").contains("browser.remoteUrl");
    }

    @Test
    @DisplayName("browser.enabled: false: the journey is out of scope, stated beside critical-features, which the API journeys decide")
    void shouldStateBrowserJourneysOutOfScope(SampleStaging app) throws Exception {
        Outcomes outcomes = run(app.healthy(), "greenlight.browser.enabled", "false");

        assertThat(outcomes.named("published a moment ago").message()).as("why it was not run:%s", outcomes.summary())
                .contains("out of scope for this target: browser journeys (browser.enabled: false in property greenlight.browser.enabled)");
        CriterionResult critical = judged().row("critical-features").orElseThrow();
        assertThat(critical.status()).as("with nothing else behind it, critical-features: %s", critical.reason())
                .isEqualTo(CriterionStatus.OUT_OF_SCOPE);
        assertThat(critical.scope()).containsExactly("out of scope: browser journeys (browser.enabled: false in property greenlight.browser.enabled)");
    }

    private Outcomes run(SampleStaging app, String key, String value) {
        return SuiteRun.selecting(selectClass(JOURNEY)).with(app.asRemoteTarget()).with("greenlight.runId", runId).with(key, value)
                .execute(reports);
    }

    private Verdict judged() throws Exception {
        Path verdictDir = Files.createDirectories(reports.resolve("verdict"));
        return new Gate(Clock.systemUTC()).run(new Gate.Request(List.of(reports.resolve("evidence").resolve(runId)),
                List.of(reports.resolve("allure-results")), Path.of("suites", "go-no-go.yaml"), null, verdictDir, null, null));
    }
}
