package dev.greenlight.acceptance.migration;

import dev.greenlight.evidence.Measurement;
import dev.greenlight.migration.Migration;
import dev.greenlight.migration.MigrationFolder;
import dev.greenlight.migration.MigrationHistory;
import dev.greenlight.migration.MigrationRow;
import dev.greenlight.migration.MigrationTarget;
import dev.greenlight.migration.SchemaDrift;
import dev.greenlight.migration.ScratchPostgres;
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
@Feature("Schema drift")
@DisplayName("Migrations: the database schema is exactly what its migrations create")
class SchemaDriftTests {

    @Test
    @Criterion("migrations")
    @DisplayName("Tables, columns, types, defaults, keys and indexes equal those of the applied migrations on a scratch database")
    void shouldHaveNoSchemaDrift(RunContext run, EvidenceRecorder evidence) throws Exception {
        MigrationTarget target = new MigrationTarget(run.config(), run.masker());
        List<MigrationFolder> folders = target.folders();
        List<String> applied = target.database().read("reading _prisma_migrations", connection ->
                MigrationHistory.check(folders, MigrationRow.readAll(connection, target.schema())).applied());
        List<MigrationFolder> appliedFolders = folders.stream().filter(folder -> applied.contains(folder.name())).toList();
        SchemaDrift drift;
        try (ScratchPostgres scratch = Allure.step("Start a scratch PostgreSQL", target::startScratch)) {
            drift = Allure.step("Apply " + applied.size() + " applied migrations to an empty scratch database and compare catalogs",
                    () -> target.database().read("comparing schemas",
                            connection -> SchemaDrift.check(connection, target.schema(), appliedFolders, scratch)));
        }
        Allure.addAttachment("schema drift (migrations vs database)", "text/plain", drift.render(), ".txt");
        evidence.record(Measurement.of("migrations", "schema drift differences").count(drift.findings().size(), drift.diff().compared())
                .attribute("scratch", drift.scratch()).attribute("migrationsApplied", appliedFolders.size()));

        assertThat(drift.findings()).as("schema drift: objects that differ from what the migrations create").isEmpty();
    }
}
