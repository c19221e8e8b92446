package dev.greenlight.acceptance.migration;

import dev.greenlight.evidence.Measurement;
import dev.greenlight.migration.HistoryFinding;
import dev.greenlight.migration.Migration;
import dev.greenlight.migration.MigrationFolder;
import dev.greenlight.migration.MigrationHistory;
import dev.greenlight.migration.MigrationRow;
import dev.greenlight.migration.MigrationTarget;
import dev.greenlight.run.Criterion;
import dev.greenlight.run.EvidenceRecorder;
import dev.greenlight.run.RunContext;
import io.qameta.allure.Allure;
import io.qameta.allure.Feature;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@Migration
@Feature("Migration history")
@DisplayName("Migrations: every Prisma migration applied, finished and unedited")
class MigrationHistoryTests {

    @Test
    @Criterion("migrations")
    @DisplayName("_prisma_migrations matches the deployed migration folders: applied, finished, checksums equal, nothing unknown")
    void shouldMatchMigrationFoldersExactly(RunContext run, EvidenceRecorder evidence) {
        MigrationTarget target = new MigrationTarget(run.config(), run.masker());
        List<MigrationFolder> folders = Allure.step("Read the migration folders of " + target.settings().dir(), target::folders);
        List<MigrationRow> rows = Allure.step("Read _prisma_migrations with a read-only session", () ->
                target.database().read("reading _prisma_migrations", connection -> {
                    assertThat(MigrationRow.tableExists(connection, target.schema()))
                            .as("_prisma_migrations exists in schema %s", target.schema()).isTrue();
                    return MigrationRow.readAll(connection, target.schema());
                }));
        MigrationHistory history = MigrationHistory.check(folders, rows);
        Allure.addAttachment("migration history", "text/plain", history.render(), ".txt");
        evidence.record(Measurement.of("migrations", "migration history findings").count(history.findings().size(), history.checked())
                .attribute("folders", folders.size()).attribute("rows", rows.size()).attribute("applied", history.applied()));

        assertThat(history.findings()).as("migration history findings (%d folders, %d rows)", folders.size(), rows.size())
                .extracting(HistoryFinding::message).isEmpty();
    }
}
