package dev.greenlight.soak;

import dev.greenlight.gate.CriterionStatus;
import dev.greenlight.testkit.SampleStaging;
import dev.greenlight.testkit.SampleStagingExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The baseline comparison against the sample app: the running app without faults is measured once and saved as the
 * baseline, then slowed down by 30 % and by 60 % of its own handling time (the sample's personalities differ in pool
 * behaviour only, not in speed). The baseline is measured on the same process the candidates run on: measured on
 * 6.19.0 right after a restart, it came out up to 8 % slower from one try to the next (p95 1.1–1.3 s for 1 s of
 * work, against 1.03 s on a warm process), enough to move +60 % under the rollback line. WORK_MS is raised to
 * 200 ms so the handling time the slowdown scales is nearly all of the latency: what it does not scale (HTTP, the
 * client, waiting for a core on a loaded machine) dilutes the ratio; at the default 10 ms +60 % reads about +50 %.
 * (More work would cost time twice: every request, and the cleanup, which deletes what the run created one by one.)
 */
@ExtendWith(SampleStagingExtension.class)
@DisplayName("Soak self-tests: a slower candidate is judged against the saved baseline")
class SoakBaselineSelfTests {

    private static final String BASELINE = "selftest-baseline";
    private static final String PROFILE = "selftest-baseline";
    private static final Map<String, String> WORK = Map.of("WORK_MS", "200");

    @TempDir
    static Path reports;

    private static SampleStaging sample;
    private static SoakSuiteRun.Result baseline;

    @BeforeAll
    static void measureTheBaselineOnce(SampleStaging app) {
        sample = app;
        app.restart(app.target().config().app().version().expected(), "", WORK);
        baseline = SoakSuiteRun.run(app, reports, PROFILE, null);
        Baselines.saveFromFiles(baseline.soakDir(), reports.resolve("baselines"), BASELINE);
    }

    @AfterAll
    static void backToHealthy() {
        sample.healthy();
    }

    private static SoakSuiteRun.Result candidate(String slowdown) {
        sample.faults("slowdown=" + slowdown);
        System.out.println("[soak self-test] run-time faults: slowdown=" + slowdown);
        return SoakSuiteRun.run(sample, reports, PROFILE, BASELINE);
    }

    @Test
    @DisplayName("the healthy baseline run itself is clean: no errors to speak of, no memory growth, its whole duration")
    void shouldMeasureACleanBaseline() {
        assertThat(baseline.stopReason()).as("baseline run; %s", baseline).isEqualTo("none");
        assertThat(baseline.judged("error-rate").status()).as("the gate on the baseline's error rate; %s", baseline)
                .isNotIn(CriterionStatus.NO_GO, CriterionStatus.ROLLBACK);
        assertThat(baseline.judged("memory").status()).as("the gate on the baseline's memory; %s", baseline).isNotEqualTo(CriterionStatus.NO_GO);
    }

    @Test
    @DisplayName("30 % slower than the baseline is degraded past 20 %: NO-GO, not yet a rollback")
    void shouldSayNoGoForThirtyPercentSlower() {
        SoakSuiteRun.Result run = candidate("30%");

        assertThat(run.judged("baseline").status()).as("the gate on the baseline criterion; %s", run).isEqualTo(CriterionStatus.NO_GO);
    }

    @Test
    @DisplayName("60 % slower than the baseline is degraded past 50 %: ROLLBACK")
    void shouldSayRollbackForSixtyPercentSlower() {
        SoakSuiteRun.Result run = candidate("60%");

        assertThat(run.judged("baseline").status()).as("the gate on the baseline criterion; %s", run).isEqualTo(CriterionStatus.ROLLBACK);
    }
}
