package dev.greenlight.critical;

import dev.greenlight.config.RunSettings;
import dev.greenlight.testkit.SampleStaging;
import dev.greenlight.testkit.SampleStagingExtension;
import dev.greenlight.testkit.SuiteRun;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * The sweep at the start of a run, against rows planted in the sample app's database: what an interrupted run
 * left a day ago, what a run still writing (a soak) holds, and rows that only look tagged. The sweep goes through
 * the API; the database is read afterwards to see what is really left.
 */
@ExtendWith(SampleStagingExtension.class)
@DisplayName("Test-data sweep self-tests: leftovers of interrupted runs go, everything else stays")
class TestDataSweepSelfTests {

    @TempDir
    Path reports;

    @Test
    @DisplayName("A run sweeps a quiet interrupted run's rows, keeps an active run's and look-alikes, and reports both")
    void shouldSweepQuietLeftoversAndNothingElse(SampleStaging app) {
        Clock clock = Clock.systemUTC();
        String interrupted = "gl-" + RunSettings.newRunId(Clock.offset(clock, Duration.ofDays(-1)));
        String active = "gl-" + RunSettings.newRunId(Clock.offset(clock, Duration.ofHours(-3)));
        String runId = RunSettings.newRunId(clock);
        try (PlantedRows planted = PlantedRows.in(app.healthy())) {
            planted.user(interrupted + "-j1-author@greenlight.test")
                    .post(interrupted + "-j1 Draft left behind", false, Duration.ofDays(1))
                    .post(interrupted + "-j1 Published and left behind", true, Duration.ofDays(1));
            planted.seededAuthor().post(interrupted + " soak post 7", true, Duration.ofDays(1));
            planted.user(active + "-soak@greenlight.test").post(active + " soak post 1", true, Duration.ofMinutes(1));
            planted.user("gl-20240101-000000-abcd-j1-author@example.com");
            planted.seededAuthor().post("gl-2 plans for the roadmap", true, Duration.ofDays(1))
                    .post("Release notes " + interrupted, true, Duration.ofDays(1));

            SuiteRun.Outcomes outcomes = SuiteRun.selecting(selectClass("dev.greenlight.acceptance.critical.ApiErrorTests"))
                    .with(app.asRemoteTarget()).with("greenlight.runId", runId).execute(reports);

            assertThat(outcomes.failures()).as("journeys of the sweeping run:%s", outcomes.summary()).isEmpty();
            assertThat(TaggedRows.startingWith(app, interrupted)).as("rows of the run interrupted a day ago, after the sweep").isEmpty();
            assertThat(TaggedRows.startingWith(app, active)).as("rows of a run still active 1 minute ago")
                    .containsExactlyInAnyOrder("user " + active + "-soak@greenlight.test", "post " + active + " soak post 1");
            assertThat(TaggedRows.startingWith(app, "gl-2")).as("look-alikes: another domain, a title without a run start")
                    .contains("user gl-20240101-000000-abcd-j1-author@example.com", "post gl-2 plans for the roadmap");
            assertThat(TaggedRows.startingWith(app, "Release notes " + interrupted)).as("a title with the tag in the middle").hasSize(1);
            assertThat(TaggedRows.startingWith(app, "gl-" + runId)).as("the sweeping run's own rows after it ended").isEmpty();

            ReportedJourneys.Journey sweep = ReportedJourneys.at(reports.resolve("allure-results"))
                    .describedAs("Test data: leftovers of earlier runs swept", "gl-" + runId + ".");
            assertThat(sweep.steps()).as("steps of the sweep report")
                    .contains("deleted user " + planted.idOf(interrupted + "-j1-author@greenlight.test") + " \"" + interrupted + "-j1-author@greenlight.test\"")
                    .anyMatch(step -> step.startsWith("deleted post ") && step.endsWith("\"" + interrupted + " soak post 7\""))
                    .anyMatch(step -> step.startsWith("kept post ") && step.contains(active + " soak post 1") && step.contains("was active"))
                    .anyMatch(step -> step.startsWith("kept post ") && step.contains("gl-2 plans for the roadmap") && step.contains("no run start time"));
        }
    }
}
