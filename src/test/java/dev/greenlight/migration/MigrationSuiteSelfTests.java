package dev.greenlight.migration;

import dev.greenlight.evidence.Measurement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.platform.engine.TestExecutionResult.Status.FAILED;
import static org.junit.platform.engine.TestExecutionResult.Status.SUCCESSFUL;

/** The {@code @Migration} suite against the sample app, healthy and with each fault of the issue. */
class MigrationSuiteSelfTests {

    private static final String HISTORY = "shouldMatchMigrationFoldersExactly";
    private static final String DRIFT = "shouldHaveNoSchemaDrift";
    private static final String INTEGRITY = "shouldKeepEveryRowThroughTheDeploy";
    private static final String REHEARSAL = "shouldApplyPendingMigrationsToCopy";

    @TempDir
    Path reports;

    @BeforeEach
    void sampleAppIsHere() {
        assumeTrue(SuiteRun.sampleAvailable(), "the sample app (" + SuiteRun.SAMPLE_MIGRATIONS + ") is not on this branch yet");
    }

    @Test
    @DisplayName("Against the healthy sample app every migration check passes, with counts and checksums in the evidence")
    void shouldPassHealthySampleApp() {
        SuiteRun run = SuiteRun.run(reports, Map.of());

        assertThat(run.results()).as("outcomes").hasSize(4).allSatisfy((test, result) ->
                assertThat(result.getStatus()).as(test + ": " + run.message(test)).isEqualTo(SUCCESSFUL));
        Measurement integrity = run.measurement("data-integrity", "rows lost or changed");
        assertThat(integrity.value()).as("rows lost or changed").isZero();
        assertThat(integrity.samples()).as("rows compared").isPositive();
        assertThat(run.measurement("migrations", "migration history findings").samples()).as("migrations checked").isEqualTo(3);
        assertThat(run.measurement("migrations", "schema drift differences").value()).as("drift").isZero();
        assertThat(run.measurement("migrations", "rehearsal failures").samples()).as("migrations rehearsed").isEqualTo(1);
    }

    @Test
    @DisplayName("An edited migration, an unknown row, a dropped index and corrupted rows are each caught by the right check")
    void shouldCatchEachStartupFault() {
        SuiteRun run = SuiteRun.run(reports, Map.of("greenlight.sample.faults",
                "migration=edited,migration=unknown-row,index=dropped,corrupt=5"));

        assertThat(run.status(HISTORY)).as("history check").isEqualTo(FAILED);
        assertThat(run.message(HISTORY)).as("history message")
                .contains("20241127090000_prisma7_user_created_at_author_index: edited after apply")
                .contains("20241120000000_manual_hotfix: unknown to the code");
        assertThat(run.status(DRIFT)).as("drift check").isEqualTo(FAILED);
        assertThat(run.message(DRIFT)).as("drift message").contains("index \"Post\".\"Post_authorId_idx\": missing in the database");
        assertThat(run.status(INTEGRITY)).as("integrity check").isEqualTo(FAILED);
        assertThat(run.message(INTEGRITY)).as("integrity message").contains("Post:").contains("rows changed: changed id")
                .contains("rows lost: lost id");
        assertThat(run.status(REHEARSAL)).as("rehearsal: the migrations themselves are sound").isEqualTo(SUCCESSFUL);
        assertThat(run.measurement("data-integrity", "rows lost or changed").value()).as("rows lost or changed").isEqualTo(6);
    }

    @Test
    @DisplayName("A migration that fails on real data is caught by the history check and, before the deploy, by the rehearsal")
    void shouldCatchFailingMigration(@TempDir Path migrations) throws Exception {
        FaultMigrations.copyWithFailingMigration(migrations);
        SuiteRun run = SuiteRun.run(reports, Map.of("greenlight.sample.faults", "migration=fail",
                "greenlight.migrations.dir", migrations.toString()));

        assertThat(run.status(HISTORY)).as("history check").isEqualTo(FAILED);
        assertThat(run.message(HISTORY)).as("history message").contains("20241127120000_add_user_handle: failed")
                .contains("contains null values");
        assertThat(run.status(REHEARSAL)).as("rehearsal").isEqualTo(FAILED);
        assertThat(run.message(REHEARSAL)).as("rehearsal message").contains("20241127120000_add_user_handle").contains("null values");
        assertThat(run.status(INTEGRITY)).as("integrity: no data harmed").isEqualTo(SUCCESSFUL);
    }
}
