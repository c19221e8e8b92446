package dev.greenlight.soak;

import dev.greenlight.gate.CriterionStatus;
import dev.greenlight.gate.Decision;
import dev.greenlight.gate.CriterionResult;
import dev.greenlight.testkit.SampleStaging;
import dev.greenlight.testkit.SampleStagingExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The soak suite against the sample app with one run-time fault per run: each must show in its own criterion. */
@ExtendWith(SampleStagingExtension.class)
@DisplayName("Soak self-tests: each fault shows in the criterion that should catch it, and nowhere it should not")
class SoakFaultSelfTests {

    @TempDir
    Path reports;

    private SampleStaging sample;

    private SoakSuiteRun.Result soak(SampleStaging app, String faults, String profile) {
        sample = app;
        app.healthy().faults(faults);
        System.out.println("[soak self-test] run-time faults: " + faults);
        return SoakSuiteRun.run(app, reports, profile, null);
    }

    @AfterEach
    void backToHealthy() {
        if (sample != null) {
            sample.healthy();
        }
    }

    @Test
    @DisplayName("a cache that fills 8 MB and levels off is not reported as a leak")
    void shouldNotCountALevellingCacheAsALeak(SampleStaging app) {
        SoakSuiteRun.Result run = soak(app, "cache=8MB", "selftest");

        assertThat(run.heapGrowthMB()).as("live heap growth over the run: the cache did fill; %s", run)
                .isGreaterThan(6);
        assertThat(run.judged("memory").status()).as("the gate on memory; %s", run).isNotEqualTo(CriterionStatus.NO_GO);
    }

    @Test
    @DisplayName("nine of ten pool connections held shows as pool usage past 80 %, without errors")
    void shouldFailThePoolCriterionWhenConnectionsAreHeld(SampleStaging app) {
        SoakSuiteRun.Result run = soak(app, "pool-leak=9", "selftest");

        CriterionResult pool = run.judged("pool-usage");
        assertThat(pool.status()).as("the gate on pool usage (GO below 80 %%): %s; %s", pool.reason(), run).isEqualTo(CriterionStatus.NOT_MET);
        assertThat(pool.estimate().value()).as("peak pool usage").isGreaterThanOrEqualTo(0.9);
        assertThat(run.judged("error-rate").status()).as("the gate on the error rate: Prisma 7 waits, it does not fail; %s", run)
                .isNotIn(CriterionStatus.NO_GO, CriterionStatus.ROLLBACK);
    }

    @Test
    @DisplayName("queries slowed by 80 ms inside the database show in pg_stat_statements' mean, past 50 ms")
    void shouldFailTheDbQueryCriterionWhenQueriesAreSlow(SampleStaging app) {
        SoakSuiteRun.Result run = soak(app, "slow-queries=80ms", "selftest");

        assertThat(run.of("db-query-avg")).as("where the DB query time came from; %s", run)
                .allMatch(m -> m.attributes().get("source").equals("pg_stat_statements"));
        CriterionResult db = run.judged("db-query-avg");
        assertThat(db.status()).as("the gate on the DB query mean (GO below 50 ms): %s; %s", db.reason(), run).isEqualTo(CriterionStatus.NOT_MET);
        assertThat(db.estimate().value()).as("DB query mean, ms: the 80 ms delay is in each statement's own time").isGreaterThan(70);
    }

    @Test
    @DisplayName("6 % errors stop the run early as a rollback, and its evidence shows the rate surely above 5 %")
    void shouldStopEarlyForRollbackOnSixPercentErrors(SampleStaging app) {
        SoakSuiteRun.Result run = soak(app, "errors=6%", "selftest-errors");

        assertThat(run.stopReason()).as("why the run stopped; %s", run).contains("rollback condition");
        var completion = run.last("soak-run");
        assertThat(Duration.between(completion.from(), completion.to())).as("how long the 60 s run went").isLessThan(Duration.ofSeconds(55));
        assertThat(run.judged("error-rate").status()).as("the gate on the error rate; %s", run).isEqualTo(CriterionStatus.ROLLBACK);
        assertThat(run.verdict().decision()).as("the gate's verdict on this run's evidence").isEqualTo(Decision.ROLLBACK);
        assertThat(run.evidence().complete()).as("a run stopped early still finished normally: its evidence is complete").isTrue();
    }
}
