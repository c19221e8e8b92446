package dev.greenlight.critical;

import dev.greenlight.config.RunSettings;
import dev.greenlight.testkit.SampleStaging;
import dev.greenlight.testkit.SampleStagingExtension;
import dev.greenlight.testkit.SuiteRun;
import dev.greenlight.testkit.SuiteRun.Outcomes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.DiscoverySelector;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * The critical-path suite against the sample app, healthy and broken on purpose: every journey passes on the
 * healthy app; each fault fails the journeys it breaks, with the HTTP exchange or the screenshot that shows why;
 * and whatever happened, the run leaves no row with its tag in the database.
 */
@ExtendWith(SampleStagingExtension.class)
@DisplayName("Critical-path suite self-tests: journeys pass on a healthy app, fail with the evidence of why, and clean up")
class CriticalSuiteSelfTests {

    private static final String SUITE = "dev.greenlight.acceptance.critical.";

    @TempDir
    Path reports;

    private final String runId = RunSettings.newRunId(Clock.systemUTC());
    private SampleStaging sample;

    private Outcomes run(SuiteRun suite, SampleStaging app) {
        sample = app;
        return suite.with(app.asRemoteTarget()).with("greenlight.runId", runId).execute(reports);
    }

    private static SuiteRun journeys(String... classes) {
        DiscoverySelector[] selectors = new DiscoverySelector[classes.length];
        for (int i = 0; i < classes.length; i++) {
            selectors[i] = selectClass(SUITE + classes[i]);
        }
        return SuiteRun.selecting(selectors);
    }

    @AfterEach
    void backToHealthy() {
        if (sample != null) {
            try {
                assertThat(TaggedRows.startingWith(sample, "gl-" + runId)).as("rows the run left behind in the database").isEmpty();
            } finally {
                sample.healthy();
            }
        }
    }

    @Test
    @DisplayName("Every API and browser journey passes against the healthy app, labelled for the gate, with latency evidence")
    void shouldPassEveryJourneyAgainstTheHealthyApp(SampleStaging app) {
        Outcomes outcomes = run(SuiteRun.of("critical"), app.healthy());

        assertThat(outcomes.failures()).as("failures against a healthy app:%s", outcomes.summary()).isEmpty();
        assertThat(outcomes.passed()).as("journeys that passed:%s", outcomes.summary()).hasSize(10);
        ReportedJourneys.Journey lifecycle = ReportedJourneys.in(reports).named("writes a draft, publishes it, it is read");
        assertThat(lifecycle.labels("criterion")).as("criterion label of the API journey").containsExactly("critical-features");
        assertThat(lifecycle.labels("severity")).as("severity label of the API journey").containsExactly("blocker");
        assertThat(lifecycle.steps()).as("steps of the API journey").contains("Publish the draft").anyMatch(s -> s.startsWith("PUT /publish/"));
        assertThat(lifecycle.attachments()).as("attachments of the API journey").anyMatch(a -> a.startsWith("evidence · critical-features · API call latency"));
        assertThat(ReportedJourneys.in(reports).named("finds it with the search box").attachments()).as("attachments of the browser journey")
                .anyMatch(a -> a.startsWith("screenshot · after: Publish it"))
                .anyMatch(a -> a.startsWith("evidence · critical-features · browser step latency"));
    }

    @Test
    @DisplayName("When publishing is broken, the API journey fails on the 500 of PUT /publish and the browser journey on the error page")
    void shouldFailPublishingJourneysWhenPublishingIsBroken(SampleStaging app) {
        Outcomes outcomes = run(journeys("PostLifecycleTests", "AuthorJourneyTests"), app.healthy().faults("down=/publish,down=/ui/publish"));

        assertThat(outcomes.named("writes a draft, publishes it, it is read").message()).as("why the API journey failed")
                .contains("[criterion: critical-features]").containsPattern("PUT /publish/\\d+ answered 500, expected 200");
        ReportedJourneys.Journey api = ReportedJourneys.in(reports).named("writes a draft, publishes it, it is read");
        assertThat(api.steps()).as("steps of the failed API journey").anyMatch(s -> s.matches("PUT /publish/\\d+ → 500 in \\d+ ms"));
        assertThat(api.attachments()).as("the HTTP exchange attached to the failed call").contains("Response 500");

        assertThat(outcomes.named("finds it with the search box").message()).as("why the browser journey failed")
                .contains("expected the feed").containsPattern("/ui/publish/\\d+").contains("Internal Server Error");
        assertScreenshotAtFailure(ReportedJourneys.in(reports).named("finds it with the search box"));
    }

    @Test
    @DisplayName("When search answers 500, the feed journeys fail on GET /feed?searchString=…")
    void shouldFailFeedJourneysWhenSearchIsBroken(SampleStaging app) {
        Outcomes outcomes = run(journeys("FeedQueryTests"), app.healthy().faults("search=broken"));

        assertThat(outcomes.failures()).as("feed journeys failing on broken search:%s", outcomes.summary()).hasSize(3)
                .allSatisfy(failure -> assertThat(failure.message()).as("why %s failed", failure.name())
                        .containsPattern("GET /feed\\?searchString=gl-[^ ]+ answered 500"));
    }

    @Test
    @DisplayName("When the web feed misses new posts, the browser journey fails showing the feed without the post")
    void shouldFailTheFeedPageJourneyWhenTheFeedIsStale(SampleStaging app) {
        Outcomes outcomes = run(journeys("FeedPageTests"), app.healthy().faults("ui-feed=stale"));

        assertThat(outcomes.named("published a moment ago").message()).as("why the feed journey failed")
                .contains("title shown on the feed for post").contains("Fresh on the feed").contains("but was empty");
        ReportedJourneys.Journey feed = ReportedJourneys.in(reports).named("published a moment ago");
        assertScreenshotAtFailure(feed);
        assertThat(new String(feed.attachment("page at failure"), StandardCharsets.UTF_8)).as("the page the browser showed at failure")
                .contains("search-form").doesNotContain("Fresh on the feed");
    }

    private static void assertScreenshotAtFailure(ReportedJourneys.Journey journey) {
        byte[] png = journey.attachment("screenshot · at failure");
        assertThat(png).as("screenshot at failure (a PNG)").hasSizeGreaterThan(1000).startsWith(0x89, 'P', 'N', 'G');
    }
}
