package dev.greenlight.rollback;

import dev.greenlight.migration.CopyDestination;
import dev.greenlight.migration.DatabaseBackup;
import dev.greenlight.migration.MigrationTarget;
import dev.greenlight.migration.ScratchPostgres;
import dev.greenlight.migration.Snapshot;
import dev.greenlight.migration.SnapshotDiff;
import dev.greenlight.migration.SnapshotRequest;
import dev.greenlight.migration.SnapshotStore;
import dev.greenlight.migration.SnapshotTaker;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;

/**
 * The drill's first step, before staging is touched: a snapshot of the data (counts and checksums, read-only), a
 * backup file, and the proof that the backup restores — restored into a scratch database whose snapshot must equal
 * the source's.
 *
 * @param before   the snapshot of staging
 * @param backup   the backup written
 * @param restore  its restore into the scratch database
 * @param restored the scratch database compared with {@code before}
 * @param scratch  what the scratch server was
 */
public record BackupProof(Snapshot before, DatabaseBackup.Backup backup, DatabaseBackup.Restore restore, SnapshotDiff restored,
                          String scratch) {

    /** The label of the snapshot taken before the rollback. */
    public static final String BEFORE = "drill-start";

    /** Takes the snapshot and the backup into {@code dir} and proves the backup on a scratch server. */
    public static BackupProof take(MigrationTarget target, Path dir, Duration timeout, Clock clock) {
        SnapshotRequest request = target.snapshotRequest(BEFORE, dir);
        Snapshot before = target.database().read("taking the drill's snapshot", c -> SnapshotTaker.take(c, request, clock));
        SnapshotStore.save(before, request.json());
        DatabaseBackup.Backup backup = DatabaseBackup.write(target.database(), target.schema(), target.folders(), dir, "drill-backup",
                timeout);
        try (ScratchPostgres server = target.startScratch()) {
            String database = server.createDatabase("gl_restore");
            DatabaseBackup.Restore restore = DatabaseBackup.restoreIntoEmpty(backup, CopyDestination.scratch(server, database),
                    target.config().database(), timeout);
            SnapshotRequest restoredRequest = target.snapshotRequest("backup-restored", dir).comparedWith(before);
            Snapshot restored;
            try (Connection connection = server.connect(database)) {
                restored = SnapshotTaker.take(connection, restoredRequest, clock);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot snapshot the restored scratch database: " + e.getMessage(), e);
            }
            SnapshotStore.save(restored, restoredRequest.json());
            return new BackupProof(before, backup, restore, SnapshotDiff.compare(before, restored, target.exclusions()), server.note());
        }
    }

    /** Whether the restored copy holds exactly the rows of the source: none lost, changed or added. */
    public boolean restoresExactly() {
        return restored.rowsLost() == 0 && restored.rowsChanged() == 0 && restored.rowsAdded() == 0;
    }
}
