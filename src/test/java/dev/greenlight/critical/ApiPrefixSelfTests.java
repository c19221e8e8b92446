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

import static org.assertj.core.api.Assertions.assertThat;

/** Staging apps often sit behind a gateway path: the API journeys must pass when only {@code app.apiPrefix} differs. */
@ExtendWith(SampleStagingExtension.class)
@DisplayName("API prefix self-tests: the API journeys pass behind a gateway that serves the API under /api")
class ApiPrefixSelfTests {

    @TempDir
    Path reports;

    @Test
    @DisplayName("Every API journey passes through a gateway that serves the API under /api and refuses everything else")
    void shouldPassTheApiJourneysBehindAPrefix(SampleStaging app) {
        String runId = RunSettings.newRunId(Clock.systemUTC());
        try (PrefixProxy gateway = PrefixProxy.start("/api", app.healthy().target().config().app().baseUrl())) {
            SuiteRun.Outcomes outcomes = SuiteRun.of("critical").tagged("critical & !browser")
                    .with(app.asRemoteTarget())
                    .with("greenlight.app.baseUrl", gateway.url())
                    .with("greenlight.app.apiPrefix", "/api")
                    .with("greenlight.runId", runId)
                    .execute(reports);

            assertThat(outcomes.failures()).as("API journeys failing behind the /api gateway:%s", outcomes.summary()).isEmpty();
            assertThat(outcomes.passed()).as("API journeys that passed behind the gateway:%s", outcomes.summary()).hasSize(8);
            assertThat(gateway.refused()).as("requests that missed the /api prefix").isZero();
            assertThat(gateway.forwarded()).as("requests forwarded from under /api").isGreaterThan(50);
        }
        assertThat(TaggedRows.startingWith(app, "gl-" + runId)).as("rows the run left behind, cleaned up through the gateway").isEmpty();
    }
}
