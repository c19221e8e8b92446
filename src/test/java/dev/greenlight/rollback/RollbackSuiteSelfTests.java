package dev.greenlight.rollback;

import dev.greenlight.testkit.SuiteRun;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rollback drill against the sample app on the {@code local} target (each run starts its own embedded PostgreSQL
 * and app): healthy, and with each failure of the issue. After every run the app's own log must show the candidate
 * started last and ready: staging ends as the drill found it, whatever failed.
 */
@DisplayName("Rollback drill self-tests: it passes on the healthy sample app, names each failure, and always rolls forward")
class RollbackSuiteSelfTests {

    private static final String DRILL = "shouldRollBackAndForwardWithinTargets";

    @TempDir
    Path reports;

    private DrillRunFiles drill(Map<String, String> settings) {
        Map<String, String> all = new LinkedHashMap<>(settings);
        all.put("greenlight.target", "local");
        all.put("greenlight.local.deploy.fromBaseline", "false");
        SuiteRun.Outcomes outcomes = SuiteRun.of("rollback").with(all).execute(reports);
        return new DrillRunFiles(reports, outcomes);
    }

    @Test
    @DisplayName("Against the healthy sample app the whole drill passes, every step timed in the report, with its evidence")
    void shouldPassTheWholeDrillAgainstTheHealthyApp() {
        DrillRunFiles run = drill(Map.of());

        assertThat(run.outcome(DRILL).passed()).as("the drill:%s", run.outcomes().summary()).isTrue();
        assertThat(run.measurement("rollback drill passed").value()).as("CHECK rollback drill passed").isEqualTo(1.0);
        assertThat(run.measurement("rows lost after rollback").value()).as("rows lost").isZero();
        assertThat(run.measurement("rows lost after rollback").samples()).as("rows compared").isPositive();
        assertThat(run.measurement("time to roll back (to healthy)").value()).as("seconds to healthy").isPositive().isLessThanOrEqualTo(60);
        assertThat(run.measurement("time to roll forward").value()).as("seconds to roll forward").isPositive().isLessThanOrEqualTo(60);
        assertThat(run.measurement("backup size").attributes()).as("backup size attributes").containsEntry("format",
                "COPY over JDBC archive (greenlight-copy/1)");
        assertThat(run.measurement("restore over staging's database time").value()).as("restore over staging").isPositive();
        assertThat(run.stepNames(DRILL)).as("the drill's steps in the report, each named with its duration")
                .hasSizeGreaterThanOrEqualTo(10).allMatch(name -> name.matches(".*\\((\\d+(\\.\\d)?m?s|[0-9hms]+)\\)"));
        assertThat(run.startedVersions()).as("versions the app started as, in order (Prisma Client lines of its log)")
                .containsSubsequence("7.0.1", "6.19.0", "7.0.1");
        run.assertBackOnCandidate();
        assertThat(Files.exists(run.runDir().resolve("rollback/drill-backup.glcopy.zip"))).as("backup deleted after the drill").isFalse();
    }

    @Test
    @DisplayName("A baseline that will not start fails the drill with its log; the drill rolls forward to the candidate")
    void shouldFailWhenTheBaselineWillNotStart() {
        DrillRunFiles run = drill(Map.of("greenlight.sample.faults", "baseline=broken"));

        assertThat(run.outcome(DRILL).failed()).as("the drill:%s", run.outcomes().summary()).isTrue();
        assertThat(run.outcome(DRILL).message()).as("why the drill failed")
                .contains("[criterion: rollback-drill]").contains("the baseline 6.19.0 does not start: its process exited")
                .contains("PrismaClientInitializationError");
        assertThat(run.measurement("rollback drill passed").value()).as("CHECK rollback drill passed").isZero();
        assertThat(run.has("time to roll back (to healthy)")).as("a time to healthy recorded").isFalse();
        assertThat(run.startedVersions()).as("versions started").containsSubsequence("7.0.1", "6.19.0", "7.0.1");
        run.assertBackOnCandidate();
    }

    @Test
    @DisplayName("Health not back on the baseline within rollback.timeToHealthy fails the drill, which still rolls forward")
    void shouldFailWhenHealthDoesNotComeBackInTime() {
        DrillRunFiles run = drill(Map.of("greenlight.rollback.timeToHealthy", "500ms"));

        assertThat(run.outcome(DRILL).failed()).as("the drill:%s", run.outcomes().summary()).isTrue();
        assertThat(run.outcome(DRILL).message()).as("why the drill failed")
                .contains("health did not come back on 6.19.0 within 500ms (rollback.timeToHealthy)");
        assertThat(run.has("time to roll back (to healthy)")).as("a time to healthy recorded").isFalse();
        assertThat(run.measurement("time to roll forward").value()).as("seconds to roll forward").isPositive();
        run.assertBackOnCandidate();
    }

    @Test
    @DisplayName("A row lost while rolling back (a step deletes a post through the API) fails the drill, naming the row")
    void shouldFailWhenRowsAreLostDuringTheRollback(@TempDir Path files) throws Exception {
        Path targetFile = LosingStep.targetFile(files, 3);

        DrillRunFiles run = drill(Map.of("greenlight.targetFile", targetFile.toString(), "greenlight.rollback.restoreDatabase", "false"));

        assertThat(run.outcome(DRILL).failed()).as("the drill:%s", run.outcomes().summary()).isTrue();
        assertThat(run.outcome(DRILL).message()).as("why the drill failed")
                .contains("data differs after the rollback: Post: 1 rows lost: lost id 3 (1 row)");
        assertThat(run.measurement("rows lost after rollback").value()).as("rows lost").isEqualTo(1);
        run.assertBackOnCandidate();
    }
}
