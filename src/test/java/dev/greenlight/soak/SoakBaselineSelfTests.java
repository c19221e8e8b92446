package dev.greenlight.soak;

import dev.greenlight.soak.Judged.Decision;
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
 * The baseline comparison against the sample app: the baseline personality is measured once and saved, then the
 * candidate is slowed down by 30 % and by 60 % of its own handling time. WORK_MS is raised to 400 ms for these runs
 * so the handling time the slowdown scales is nearly all of the latency: the part it does not scale (HTTP, the
 * client, scheduling on a loaded machine) dilutes the ratio, and at WORK_MS=200 +60 % measured only 1.555
 * [1.512, 1.588], a hair above the rollback line (10 ms: about +50 %, on it).
 */
@ExtendWith(SampleStagingExtension.class)
@DisplayName("Soak self-tests: a slower candidate is judged against the saved baseline")
class SoakBaselineSelfTests {

    private static final String BASELINE = "selftest-baseline";
    private static final String PROFILE = "selftest-baseline";
    private static final Map<String, String> WORK = Map.of("WORK_MS", "400");

    @TempDir
    static Path reports;

    private static SampleStaging sample;
    private static SoakSuiteRun.Result baseline;

    @BeforeAll
    static void measureTheBaselineOnce(SampleStaging app) {
        sample = app;
        var versions = app.target().config().app().version();
        app.restart(versions.baseline(), "", WORK);
        baseline = SoakSuiteRun.run(app, reports, PROFILE, null);
        Baselines.saveFromFiles(baseline.soakDir(), reports.resolve("baselines"), BASELINE);
        app.restart(versions.expected(), "", WORK);
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
        assertThat(Judged.errorRate(baseline.of("error-rate"))).as("baseline error rate; %s", baseline).isNotIn(Decision.NO_GO, Decision.ROLLBACK);
        assertThat(Judged.memory(baseline.last("memory"))).as("baseline memory; %s", baseline).isNotEqualTo(Decision.NO_GO);
    }

    @Test
    @DisplayName("30 % slower than the baseline is degraded past 20 %: NO-GO, not yet a rollback")
    void shouldSayNoGoForThirtyPercentSlower() {
        SoakSuiteRun.Result run = candidate("30%");

        assertThat(Judged.baseline(run.of("baseline"))).as("baseline decision; %s", run).isEqualTo(Decision.NO_GO);
    }

    @Test
    @DisplayName("60 % slower than the baseline is degraded past 50 %: ROLLBACK")
    void shouldSayRollbackForSixtyPercentSlower() {
        SoakSuiteRun.Result run = candidate("60%");

        assertThat(Judged.baseline(run.of("baseline"))).as("baseline decision; %s", run).isEqualTo(Decision.ROLLBACK);
    }
}
