package dev.greenlight.migration;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationHistoryTests {

    private static final Instant T0 = Instant.parse("2024-11-27T09:00:00Z");
    private final List<MigrationFolder> folders = TestDatabases.folders();

    private MigrationRow applied(int index, int minutes) {
        MigrationFolder folder = folders.get(index);
        return new MigrationRow(UUID.randomUUID().toString(), folder.name(), folder.checksum(), T0.plusSeconds(60L * minutes),
                T0.plusSeconds(60L * minutes + 1), null, null, 1);
    }

    private List<MigrationRow> allApplied() {
        return new ArrayList<>(List.of(applied(0, 0), applied(1, 1), applied(2, 2)));
    }

    @Test
    @DisplayName("Every folder applied with its checksum: no finding")
    void shouldPassHealthyHistory() {
        MigrationHistory history = MigrationHistory.check(folders, allApplied());

        assertThat(history.findings()).as("findings").isEmpty();
        assertThat(history.checked()).as("migrations checked").isEqualTo(3);
        assertThat(history.render()).as("rendered table").contains("20241127090000_prisma7_user_created_at_author_index").contains("match");
    }

    @Test
    @DisplayName("A failed migration (finished_at NULL, error in logs) is named with its error")
    void shouldReportFailedMigration() {
        List<MigrationRow> rows = allApplied();
        MigrationFolder third = folders.get(2);
        rows.set(2, new MigrationRow("f", third.name(), third.checksum(), T0.plusSeconds(600), null, null,
                "Database error code: 23502\nERROR: column \"createdAt\" contains null values", 0));

        assertThat(MigrationHistory.check(folders, rows).findings()).singleElement()
                .satisfies(finding -> {
                    assertThat(finding.problem()).as("problem").isEqualTo(HistoryFinding.Problem.FAILED);
                    assertThat(finding.message()).as("message").contains(third.name()).contains("23502").contains("0 steps");
                });
    }

    @Test
    @DisplayName("A failure resolved as rolled back and then re-applied is no finding; rolled back and left so is")
    void shouldAcceptResolvedFailure() {
        List<MigrationRow> rows = allApplied();
        MigrationFolder third = folders.get(2);
        MigrationRow failed = new MigrationRow("f", third.name(), third.checksum(), T0.plusSeconds(60), null,
                T0.plusSeconds(90), "boom", 0);
        rows.add(1, failed);
        assertThat(MigrationHistory.check(folders, rows).findings()).as("resolved and re-applied").isEmpty();

        List<MigrationRow> leftRolledBack = new ArrayList<>(allApplied().subList(0, 2));
        leftRolledBack.add(failed);
        assertThat(MigrationHistory.check(folders, leftRolledBack).findings()).singleElement()
                .extracting(HistoryFinding::problem).isEqualTo(HistoryFinding.Problem.ROLLED_BACK);
    }

    @Test
    @DisplayName("A migration file edited after it was applied is named with both checksums")
    void shouldReportEditedMigration() {
        List<MigrationRow> rows = allApplied();
        MigrationRow original = rows.get(1);
        rows.set(1, new MigrationRow(original.id(), original.name(), "0".repeat(64), original.startedAt(), original.finishedAt(),
                null, null, 1));

        assertThat(MigrationHistory.check(folders, rows).findings()).singleElement().satisfies(finding -> {
            assertThat(finding.problem()).isEqualTo(HistoryFinding.Problem.CHECKSUM_MISMATCH);
            assertThat(finding.message()).contains("20241008120000_add_feed_index").contains("0".repeat(64))
                    .contains(folders.get(1).checksum());
        });
    }

    @Test
    @DisplayName("A row the code has no folder for, and a folder never applied, are both named")
    void shouldReportUnknownRowAndMissingMigration() {
        List<MigrationRow> rows = allApplied().subList(0, 2);
        List<MigrationRow> withUnknown = new ArrayList<>(rows);
        withUnknown.add(new MigrationRow("u", "20241120000000_manual_hotfix", "a".repeat(64), T0.plusSeconds(300),
                T0.plusSeconds(301), null, null, 1));

        assertThat(MigrationHistory.check(folders, withUnknown).findings())
                .extracting(HistoryFinding::migration, HistoryFinding::problem)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("20241127090000_prisma7_user_created_at_author_index", HistoryFinding.Problem.NOT_APPLIED),
                        org.assertj.core.groups.Tuple.tuple("20241120000000_manual_hotfix", HistoryFinding.Problem.UNKNOWN_ROW));
    }

    @Test
    @DisplayName("A started migration without finish or error is reported as interrupted")
    void shouldReportInterruptedMigration() {
        List<MigrationRow> rows = allApplied().subList(0, 2);
        List<MigrationRow> interrupted = new ArrayList<>(rows);
        interrupted.add(new MigrationRow("i", folders.get(2).name(), folders.get(2).checksum(), T0.plusSeconds(500), null, null, null, 0));

        assertThat(MigrationHistory.check(folders, interrupted).findings()).singleElement()
                .satisfies(finding -> assertThat(finding.message()).contains("never finished"));
    }

    @Test
    @DisplayName("A failed migration the folders do not know is reported both as failed and as unknown")
    void shouldReportFailedUnknownMigration() {
        List<MigrationRow> rows = allApplied();
        rows.add(new MigrationRow("x", "20241127120000_add_user_handle", "b".repeat(64), T0.plusSeconds(900), null, null,
                "ERROR: column \"handle\" of relation \"User\" contains null values", 0));

        assertThat(MigrationHistory.check(folders, rows).findings())
                .extracting(HistoryFinding::problem).containsExactly(HistoryFinding.Problem.FAILED, HistoryFinding.Problem.UNKNOWN_ROW);
        assertThat(MigrationHistory.check(folders, rows).findings().get(0).message())
                .contains("20241127120000_add_user_handle").contains("contains null values");
    }
}
