package dev.greenlight.acceptance.migration;

import dev.greenlight.evidence.Measurement;
import dev.greenlight.migration.Migration;
import dev.greenlight.migration.MigrationTarget;
import dev.greenlight.migration.PreDeploySnapshot;
import dev.greenlight.migration.Snapshot;
import dev.greenlight.migration.SnapshotDiff;
import dev.greenlight.migration.SnapshotRequest;
import dev.greenlight.migration.SnapshotStore;
import dev.greenlight.migration.SnapshotTables;
import dev.greenlight.migration.SnapshotTaker;
import dev.greenlight.run.Criterion;
import dev.greenlight.run.EvidenceRecorder;
import dev.greenlight.run.RunContext;
import io.qameta.allure.Allure;
import io.qameta.allure.Feature;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@Migration
@Feature("Data integrity")
@DisplayName("Data integrity: no row lost or changed by the deploy")
class DataIntegrityTests {

    @Test
    @Criterion("data-integrity")
    @DisplayName("Every row of the pre-deploy snapshot is still there, unchanged (excluded columns and Greenlight's own rows aside)")
    void shouldKeepEveryRowThroughTheDeploy(RunContext run, EvidenceRecorder evidence) {
        MigrationTarget target = new MigrationTarget(run.config(), run.masker());
        PreDeploySnapshot.Found found = PreDeploySnapshot.find(target, run.settings(), run.clock().instant()).orElseThrow(() -> new AssertionError(
                "no pre-deploy snapshot for target '" + target.config().name() + "': before the deploy run `greenlight snapshot"
                        + " --target " + target.config().name() + " --label pre-deploy` (see docs/migrations.md)"));
        Snapshot before = found.snapshot();
        SnapshotRequest request = target.snapshotRequest("post-deploy", PreDeploySnapshot.runDirectory(run.settings().runDir()))
                .comparedWith(before);
        Snapshot after = Allure.step("Take the post-deploy snapshot with a read-only session", () -> target.database()
                .read("taking the post-deploy snapshot", connection -> SnapshotTaker.take(connection, request, run.clock())));
        SnapshotStore.save(after, request.json());
        SnapshotDiff diff = Allure.step("Compare with the pre-deploy snapshot of " + before.takenAt(),
                () -> SnapshotDiff.compare(before, after, target.exclusions()));
        Allure.addAttachment("rows per table: counts and checksums", "text/plain", SnapshotTables.render(before, after), ".txt");
        Allure.addAttachment("data comparison pre-deploy vs post-deploy", "text/plain", diff.render(), ".txt");
        evidence.record(Measurement.of("data-integrity", "rows lost or changed").count(diff.rowsLost() + diff.rowsChanged(), diff.rowsCompared())
                .attribute("lost", diff.rowsLost()).attribute("changed", diff.rowsChanged()).attribute("added", diff.rowsAdded())
                .attribute("preDeploy", found.file()).attribute("preDeployAgeMinutes", found.age().toMinutes())
                .attribute("exclusions", before.exclusions()));

        assertThat(diff.damaged()).as("tables with rows lost or changed since the pre-deploy snapshot (%d rows compared)",
                diff.rowsCompared()).extracting(SnapshotDiff.TableDiff::summary).isEmpty();
    }
}
