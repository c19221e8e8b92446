package dev.greenlight.smoke;

import dev.greenlight.testkit.SampleStaging;
import dev.greenlight.testkit.SampleStagingExtension;
import dev.greenlight.testkit.SuiteRun;
import dev.greenlight.testkit.SuiteRun.Outcomes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The smoke suite, run against the sample app made faulty on purpose: it must see each fault and say so plainly. */
@ExtendWith(SampleStagingExtension.class)
@DisplayName("Smoke suite self-tests: it passes on a healthy app and names each fault")
class SmokeSuiteSelfTests {

    @TempDir
    Path reports;

    private SampleStaging sample;

    private Outcomes runSmokeAgainst(SampleStaging app) {
        sample = app;
        return SuiteRun.of("smoke").with(app.asRemoteTarget()).execute(reports);
    }

    @AfterEach
    void backToHealthy() {
        if (sample != null) {
            sample.healthy();
        }
    }

    @Test
    void shouldPassAgainstTheHealthyApp(SampleStaging app) {
        Outcomes outcomes = runSmokeAgainst(app.healthy());

        assertThat(outcomes.failures()).as("failures against a healthy app:%s", outcomes.summary()).isEmpty();
        assertThat(outcomes.passed()).as("smoke tests that passed").hasSizeGreaterThanOrEqualTo(8);
    }

    @Test
    void shouldFailWhenHealthIsDown(SampleStaging app) {
        Outcomes outcomes = runSmokeAgainst(app.healthy().faults("health=down"));

        assertThat(outcomes.named("health endpoint answers 200").message())
                .contains("[criterion: critical-features]").contains("status of GET /api/health").contains("503");
    }

    @Test
    void shouldFailWhenTheWrongVersionIsDeployed(SampleStaging app) {
        Outcomes outcomes = runSmokeAgainst(app.restart("7.0.1", "version=7.0.0"));

        assertThat(outcomes.named("health payload reports the expected version").message())
                .contains("'prisma' in the health payload").contains("7.0.1").contains("7.0.0");
        assertThat(outcomes.named("log proves the expected version").message())
                .contains("the version in the latest line like 'Prisma Client <version>'").contains("Prisma Client 7.0.0")
                .contains("expected: \"7.0.1\"");
    }

    @Test
    void shouldFailWhenTheAppLosesItsDatabase(SampleStaging app) {
        Outcomes outcomes = runSmokeAgainst(app.healthy().faults("db=down"));

        assertThat(outcomes.named("database health endpoint").message())
                .contains("[criterion: db-connection]").contains("GET /api/health/db").contains("503");
        assertThat(outcomes.named("Greenlight reaches the database").passed())
                .as("Greenlight's own read-only connection still works: the fault is the app's").isTrue();
    }

    @Test
    void shouldFailAnEndpointOverItsBudget(SampleStaging app) {
        Outcomes outcomes = runSmokeAgainst(app.healthy().faults("latency=1200ms"));

        assertThat(outcomes.named("Feed lists published posts").message())
                .contains("[criterion: critical-features] GET /feed?take=5: median of 3 requests").contains("budget 1s");
    }
}
