package dev.greenlight.migration;

import dev.greenlight.evidence.EvidenceReader;
import dev.greenlight.evidence.Measurement;
import dev.greenlight.testkit.SuiteRun;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code @Migration} suite against the sample app on the {@code local} target (baseline, pre-deploy snapshot,
 * then the candidate with start-time faults), healthy and with each fault of the issue.
 */
class MigrationSuiteSelfTests {

    /** The sample app's migrations in this repository. */
    static final Path SAMPLE_MIGRATIONS = Path.of("src/main/resources/dev/greenlight/sample/prisma/migrations");

    private static final String HISTORY = "shouldMatchMigrationFoldersExactly";
    private static final String DRIFT = "shouldHaveNoSchemaDrift";
    private static final String INTEGRITY = "shouldKeepEveryRowThroughTheDeploy";
    private static final String REHEARSAL = "shouldApplyPendingMigrationsToCopy";

    @TempDir
    Path reports;

    private SuiteRun.Outcomes run(Map<String, String> settings) {
        Map<String, String> all = new LinkedHashMap<>(settings);
        all.put("greenlight.target", "local");
        return SuiteRun.of("migration").with(all).execute(reports);
    }

    private Measurement measurement(String criterion, String name) {
        return EvidenceReader.read(java.util.List.of(reports.resolve("evidence"))).measurements().stream()
                .filter(m -> m.criterion().equals(criterion) && m.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no measurement " + criterion + " / " + name));
    }

    @Test
    @DisplayName("Against the healthy sample app every migration check passes, with counts and checksums in the evidence")
    void shouldPassHealthySampleApp() {
        SuiteRun.Outcomes outcomes = run(Map.of());

        assertThat(outcomes.failures()).as("failures against the healthy app:%s", outcomes.summary()).isEmpty();
        assertThat(outcomes.passed()).as("tests passed").hasSize(4);
        Measurement integrity = measurement("data-integrity", "rows lost or changed");
        assertThat(integrity.value()).as("rows lost or changed").isZero();
        assertThat(integrity.samples()).as("rows compared").isPositive();
        assertThat(measurement("migrations", "migration history findings").samples()).as("migrations checked").isEqualTo(3);
        assertThat(measurement("migrations", "schema drift differences").value()).as("drift").isZero();
        assertThat(measurement("migrations", "rehearsal failures").samples()).as("migrations rehearsed").isEqualTo(1);
    }

    @Test
    @DisplayName("An edited migration, an unknown row, a dropped index and corrupted rows are each caught by the right check")
    void shouldCatchEachStartupFault() {
        SuiteRun.Outcomes run = run(Map.of("greenlight.sample.faults",
                "migration=edited,migration=unknown-row,index=dropped,corrupt=5"));

        assertThat(run.named(HISTORY).failed()).as("history check").isTrue();
        assertThat(run.named(HISTORY).message()).as("history message")
                .contains("20241127090000_prisma7_user_created_at_author_index: edited after apply")
                .contains("20241120000000_manual_hotfix: unknown to the code");
        assertThat(run.named(DRIFT).failed()).as("drift check").isTrue();
        assertThat(run.named(DRIFT).message()).as("drift message").contains("index \"Post\".\"Post_authorId_idx\": missing in the database");
        assertThat(run.named(INTEGRITY).failed()).as("integrity check").isTrue();
        assertThat(run.named(INTEGRITY).message()).as("integrity message").contains("Post:").contains("rows changed: changed id")
                .contains("rows lost: lost id");
        assertThat(run.named(REHEARSAL).passed()).as("rehearsal: the migrations themselves are sound").isTrue();
        assertThat(measurement("data-integrity", "rows lost or changed").value()).as("rows lost or changed").isEqualTo(6);
    }

    @Test
    @DisplayName("A migration that fails on real data is caught by the history check and, before the deploy, by the rehearsal")
    void shouldCatchFailingMigration(@TempDir Path migrations) throws Exception {
        FaultMigrations.copyWithFailingMigration(migrations);
        SuiteRun.Outcomes run = run(Map.of("greenlight.sample.faults", "migration=fail",
                "greenlight.migrations.dir", migrations.toString()));

        assertThat(run.named(HISTORY).failed()).as("history check").isTrue();
        assertThat(run.named(HISTORY).message()).as("history message").contains("20241127120000_add_user_handle: failed")
                .contains("contains null values");
        assertThat(run.named(REHEARSAL).failed()).as("rehearsal").isTrue();
        assertThat(run.named(REHEARSAL).message()).as("rehearsal message").contains("20241127120000_add_user_handle").contains("null values");
        assertThat(run.named(INTEGRITY).passed()).as("integrity: no data harmed").isTrue();
    }
}
