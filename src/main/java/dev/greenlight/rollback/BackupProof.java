package dev.greenlight.rollback;

import dev.greenlight.config.Durations;
import dev.greenlight.migration.CopyDestination;
import dev.greenlight.migration.DatabaseBackup;
import dev.greenlight.migration.MigrationTarget;
import dev.greenlight.migration.ScratchPostgres;
import dev.greenlight.migration.Snapshot;
import dev.greenlight.migration.SnapshotDiff;
import dev.greenlight.migration.SnapshotRequest;
import dev.greenlight.migration.SnapshotStore;
import dev.greenlight.migration.SnapshotTaker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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

    /** The backup's file name, without the format's extension. */
    public static final String BACKUP = "drill-backup";

    /** Takes the snapshot and the backup into {@code dir} and proves the backup on a scratch server. */
    public static BackupProof take(MigrationTarget target, Path dir, Duration timeout, Clock clock) {
        SnapshotRequest request = target.snapshotRequest(BEFORE, dir);
        Snapshot before = target.database().read("taking the drill's snapshot", c -> SnapshotTaker.take(c, request, clock));
        SnapshotStore.save(before, request.json());
        DatabaseBackup.Backup backup = DatabaseBackup.write(target.database(), target.schema(), target.folders(), dir, BACKUP,
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

    /** {@code 2 tables, 50 rows; backup 4.8 KiB (pg_dump custom format), restored in 238ms, identical}. */
    public String summary() {
        return before.tables().size() + " tables, " + before.totalRows() + " rows; backup " + DrillReport.size(backup.bytes())
                + " (" + backup.format().label() + "), restored in " + Durations.format(restore.took())
                + (restoresExactly() ? ", identical" : ", DIFFERENT");
    }

    /** The backup's facts and how it was proven, for the report. */
    public String describe() {
        StringBuilder out = new StringBuilder(backup.format().label()).append("\nfile: ").append(backup.file())
                .append("\nsize: ").append(backup.bytes()).append(" bytes\nSHA-256: ").append(backup.sha256())
                .append('\n').append(backup.note()).append("\nwritten in ").append(Durations.format(backup.took()));
        if (backup.rows() >= 0) {
            out.append('\n').append(backup.tables()).append(" tables, ").append(backup.rows()).append(" rows");
        }
        backup.warnings().forEach(warning -> out.append("\nwarning: ").append(warning));
        out.append("\n\nrestored into a scratch database (").append(scratch).append(") with ").append(restore.method())
                .append(" in ").append(Durations.format(restore.took()));
        restore.warnings().forEach(warning -> out.append("\nwarning: ").append(warning));
        return out.toString();
    }

    /** Deletes the backup files in {@code dir}, whichever format, however far step 1 got. */
    public static void discard(Path dir) {
        try (var files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith(BACKUP + ".")).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (NoSuchFileException e) {
            // nothing was written
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the drill's backup in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Whether the restored copy holds exactly the rows of the source: none lost, changed or added. */
    public boolean restoresExactly() {
        return restored.rowsLost() == 0 && restored.rowsChanged() == 0 && restored.rowsAdded() == 0;
    }
}
