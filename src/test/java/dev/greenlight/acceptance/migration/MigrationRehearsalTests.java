package dev.greenlight.acceptance.migration;

import dev.greenlight.evidence.Measurement;
import dev.greenlight.migration.Migration;
import dev.greenlight.migration.MigrationApplier;
import dev.greenlight.migration.MigrationRehearsal;
import dev.greenlight.migration.MigrationTarget;
import dev.greenlight.migration.PreDeploySnapshot;
import dev.greenlight.migration.ScratchPostgres;
import dev.greenlight.run.Criterion;
import dev.greenlight.run.EvidenceRecorder;
import dev.greenlight.run.RunContext;
import io.qameta.allure.Allure;
import io.qameta.allure.Feature;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@Migration
@Feature("Migration rehearsal")
@DisplayName("Migrations: the pending migrations apply to a copy of the real data")
class MigrationRehearsalTests {

    @Test
    @Criterion("migrations")
    @DisplayName("Every migration the database lacked applies to a scratch copy of it, each one timed")
    void shouldApplyPendingMigrationsToCopy(RunContext run, EvidenceRecorder evidence) {
        MigrationTarget target = new MigrationTarget(run.config(), run.masker());
        MigrationRehearsal rehearsal = PreDeploySnapshot.find(target, run.settings(), run.clock().instant())
                .flatMap(found -> PreDeploySnapshot.rehearsal(found.file()))
                .orElseGet(() -> Allure.step("No rehearsal was taken before the deploy: copy the database now and rehearse", () -> {
                    try (ScratchPostgres scratch = target.startScratch()) {
                        return MigrationRehearsal.run(target.database(), target.schema(), target.folders(), scratch,
                                target.settings().copyTimeout());
                    }
                }));
        Allure.addAttachment("migration rehearsal", "text/plain", rehearsal.render(), ".txt");
        for (MigrationApplier.Applied applied : rehearsal.outcomes()) {
            evidence.record(Measurement.of("migrations", "rehearsal time " + applied.name()).duration(applied.took())
                    .attribute("failed", applied.failed()));
        }
        evidence.record(Measurement.of("migrations", "rehearsal failures").count(rehearsal.failures().size(), rehearsal.pending().size())
                .attribute("copy", rehearsal.copy().method()).attribute("copyNote", rehearsal.copy().note())
                .attribute("copySeconds", rehearsal.copy().took().toMillis() / 1000.0));

        assertThat(rehearsal.failures()).as("migrations that failed on a copy of the real data")
                .extracting(failed -> failed.name() + ": " + failed.error()).isEmpty();
        assertThat(rehearsal.notAttempted()).as("migrations not attempted after a failure").isEmpty();
    }
}
