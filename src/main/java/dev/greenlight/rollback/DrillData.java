package dev.greenlight.rollback;

import dev.greenlight.config.Durations;
import dev.greenlight.config.RollbackConfig;
import dev.greenlight.config.TargetConfig;
import dev.greenlight.http.TargetHttp;
import dev.greenlight.migration.DatabaseBackup;
import dev.greenlight.migration.MigrationTarget;
import dev.greenlight.migration.Snapshot;
import dev.greenlight.migration.SnapshotDiff;
import dev.greenlight.migration.SnapshotRequest;
import dev.greenlight.migration.SnapshotStore;
import dev.greenlight.migration.SnapshotTables;
import dev.greenlight.migration.SnapshotTaker;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The drill's checks on the rolled-back deployment: step 4, restoring staging's database when the target says a
 * rollback needs it (over the configured database only when {@code database.allowDestructive} names it, otherwise
 * reported as required), and step 5, the data compared with the step-1 snapshot (no row may be lost) and the smoke
 * checks; the same smoke checks after rolling forward.
 */
final class DrillData {

    private final TargetConfig config;
    private final MigrationTarget data;
    private final Deployment deployment;
    private final DrillSteps steps;
    private final Consumer<String> failures;
    private String stagingRestore = "not reached";
    private Duration stagingRestoreTime;
    private long rowsLost = -1;
    private long rowsChanged = -1;
    private long rowsAdded = -1;
    private long rowsCompared;

    DrillData(TargetConfig config, MigrationTarget data, Deployment deployment, DrillSteps steps, Consumer<String> failures) {
        this.config = config;
        this.data = data;
        this.deployment = deployment;
        this.steps = steps;
        this.failures = failures;
    }

    /** Step 4; false when a restore was attempted and failed. */
    boolean restore(BackupProof proof) {
        RollbackConfig rollback = config.rollback();
        String database = databaseName(config);
        if (!rollback.restoreDatabase()) {
            stagingRestore = "not needed (rollback.restoreDatabase: false)";
            steps.run("4. Restore the database", step -> step.summary(stagingRestore));
            return true;
        }
        if (!database.equals(config.database().allowDestructive())) {
            stagingRestore = "REQUIRED by the target (rollback.restoreDatabase: true) but NOT performed: database.allowDestructive"
                    + " does not name '" + database + "'. The backup restores (proven on a scratch database in "
                    + Durations.format(proof.restore().took()) + "); set database.allowDestructive: " + database
                    + " to let the drill restore it over staging";
            steps.run("4. Restore the database", step -> step.summary(stagingRestore));
            return true;
        }
        DatabaseBackup.Restore done = steps.run("4. Restore the backup over staging's database '" + database + "'", step -> {
            DatabaseBackup.Restore restore = DatabaseBackup.restoreOver(proof.backup(), deployment.restoreDestination(),
                    config.database(), data.settings().copyTimeout());
            step.summary("restored with " + restore.method() + " in " + Durations.format(restore.took())
                    + (restore.rows() >= 0 ? ", " + restore.rows() + " rows" : ""));
            restore.warnings().forEach(warning -> step.attach("restore warning", warning));
            return restore;
        });
        if (done == null) {
            stagingRestore = "FAILED: " + steps.lastSummary();
            failures.accept("restoring the backup over staging's database '" + database + "' failed: " + steps.lastSummary());
            return false;
        }
        stagingRestore = "restored over '" + database + "' with " + done.method() + " in " + Durations.format(done.took());
        stagingRestoreTime = done.took();
        return true;
    }

    /** Step 5: the data compared with step 1, then the smoke checks on the baseline. */
    void verify(BackupProof proof, TargetHttp http, Path dir, Clock clock) {
        Snapshot before = proof.before();
        SnapshotDiff diff = steps.run("5. Compare the data with the snapshot of step 1", step -> {
            SnapshotRequest request = data.snapshotRequest("rolled-back", dir).comparedWith(before);
            Snapshot after = data.database().read("taking the rolled-back snapshot", c -> SnapshotTaker.take(c, request, clock));
            SnapshotStore.save(after, request.json());
            SnapshotDiff compared = SnapshotDiff.compare(before, after, data.exclusions());
            step.attach("rows per table: counts and checksums", SnapshotTables.render(before, after));
            step.attach("data: step 1 vs after the rollback", compared.render());
            step.summary(compared.rowsLost() + " of " + compared.rowsCompared() + " rows lost, " + compared.rowsChanged() + " changed, "
                    + compared.rowsAdded() + " added");
            if (compared.rowsLost() > 0) {
                step.fail(compared.rowsLost() + " rows lost");
            }
            return compared;
        });
        if (diff == null) {
            failures.accept("comparing the data after the rollback failed: " + steps.lastSummary());
        } else {
            rowsLost = diff.rowsLost();
            rowsChanged = diff.rowsChanged();
            rowsAdded = diff.rowsAdded();
            rowsCompared = diff.rowsCompared();
            if (rowsLost > 0) {
                failures.accept("data differs after the rollback: " + String.join("; ", diff.tables().stream()
                        .filter(table -> table.lost() > 0).map(SnapshotDiff.TableDiff::summary).toList()));
            }
        }
        smoke("5. Smoke checks on the rolled-back " + config.app().version().baseline(), http, config.app().version().baseline());
    }

    /** The smoke checks against the deployment, which must be running {@code version}. */
    void smoke(String name, TargetHttp http, String version) {
        DrillSmoke.Result result = steps.run(name, step -> {
            DrillSmoke.Result found = DrillSmoke.run(config, http, version);
            step.attach("smoke checks", String.join("\n", found.lines()));
            step.summary(found.lines().size() - found.problems().size() + " of " + found.lines().size() + " checks passed");
            if (!found.passed()) {
                step.fail(String.join("; ", found.problems()));
            }
            return found;
        });
        if (result == null || !result.passed()) {
            failures.accept("smoke checks against " + version + " failed: " + (result == null ? steps.lastSummary()
                    : String.join("; ", result.problems())));
        }
    }

    private static String databaseName(TargetConfig config) {
        String url = config.database().jdbcUrl();
        return url == null ? "" : URI.create(url.substring("jdbc:".length())).getPath().replaceFirst("^/", "");
    }

    String stagingRestore() {
        return stagingRestore;
    }

    Duration stagingRestoreTime() {
        return stagingRestoreTime;
    }

    long rowsLost() {
        return rowsLost;
    }

    long rowsChanged() {
        return rowsChanged;
    }

    long rowsAdded() {
        return rowsAdded;
    }

    long rowsCompared() {
        return rowsCompared;
    }
}
