package dev.greenlight.migration;

import dev.greenlight.config.DatabaseConfig;
import dev.greenlight.config.Secret;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Backups through read-only sessions, and their restores, on embedded PostgreSQL 17 (pg_dump here is older: the COPY archive). */
class DatabaseBackupTests {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    @TempDir
    Path dir;

    @Test
    @DisplayName("A backup restored into an empty database holds exactly the source's rows, migration history included")
    void shouldRestoreIntoEmptyDatabaseIdentically() throws Exception {
        String source = seeded();

        DatabaseBackup.Backup backup = DatabaseBackup.write(TestDatabases.readOnly(source), "public", TestDatabases.folders(), dir,
                "backup", TIMEOUT);
        String scratch = TestDatabases.server().createDatabase("restored");
        DatabaseBackup.Restore restore = DatabaseBackup.restoreIntoEmpty(backup,
                CopyDestination.scratch(TestDatabases.server(), scratch), TestDatabases.config(source), TIMEOUT);

        assertThat(backup.format()).as("format (%s)", backup.note()).isEqualTo(DatabaseBackup.Format.COPY_ARCHIVE);
        assertThat(backup.bytes()).as("size").isEqualTo(Files.size(backup.file()));
        assertThat(backup.sha256()).as("recorded checksum").isEqualTo(DatabaseBackup.sha256(backup.file()));
        assertThat(backup.rows()).as("rows backed up: users, posts, migration rows").isEqualTo(20 + 60 + 2);
        assertThat(restore.warnings()).as("restore warnings").isEmpty();
        assertThat(restore.rows()).as("rows restored").isEqualTo(backup.rows());
        SnapshotDiff diff = SnapshotDiff.compare(snapshot(source, "source"), snapshot(scratch, "restored"), Exclusions.none());
        assertThat(diff.damaged()).as("tables differing after the restore").extracting(SnapshotDiff.TableDiff::summary).isEmpty();
        assertThat(diff.rowsAdded()).as("rows added").isZero();
        assertThat(count(scratch, "\"_prisma_migrations\"")).as("migration history rows").isEqualTo(2);
    }

    @Test
    @DisplayName("Restoring over the database brings lost and changed rows back, in one transaction, and new keys continue after them")
    void shouldRestoreOverTheDatabase() throws Exception {
        String source = seeded();
        DatabaseBackup.Backup backup = DatabaseBackup.write(TestDatabases.readOnly(source), "public", TestDatabases.folders(), dir,
                "backup", TIMEOUT);
        TestDatabases.execute(source, "DELETE FROM \"Post\" WHERE id IN (3, 4)", "UPDATE \"User\" SET name = 'changed' WHERE id = 2");

        DatabaseBackup.Restore restore = DatabaseBackup.restoreOver(backup, CopyDestination.scratch(TestDatabases.server(), source),
                allowing(source), TIMEOUT);

        assertThat(restore.rows()).as("rows loaded").isEqualTo(backup.rows());
        assertThat(count(source, "\"Post\"")).as("posts").isEqualTo(60);
        TestDatabases.execute(source, "INSERT INTO \"Post\" (\"updatedAt\", title, \"authorId\") VALUES (now(), 'after', 1)");
        assertThat(count(source, "\"Post\" WHERE id = 61")).as("the next post's id continues after the restored ones").isEqualTo(1);
    }

    @Test
    @DisplayName("Restoring over the configured database is refused unless database.allowDestructive names it")
    void shouldRefuseToRestoreOverConfiguredDatabase() throws Exception {
        String source = seeded();
        DatabaseBackup.Backup backup = DatabaseBackup.write(TestDatabases.readOnly(source), "public", TestDatabases.folders(), dir,
                "backup", TIMEOUT);
        TestDatabases.execute(source, "DELETE FROM \"Post\" WHERE id = 5");

        assertThatThrownBy(() -> DatabaseBackup.restoreOver(backup, CopyDestination.scratch(TestDatabases.server(), source),
                TestDatabases.config(source), TIMEOUT))
                .hasMessageContaining("it is the configured application database").hasMessageContaining("database.allowDestructive: " + source);
        assertThat(count(source, "\"Post\"")).as("posts: untouched").isEqualTo(59);
    }

    @Test
    @DisplayName("A backup file changed after it was written is refused, and a schema that no longer fits changes nothing")
    void shouldRefuseDamagedBackupOrMismatchedSchema() throws Exception {
        String source = seeded();
        DatabaseBackup.Backup backup = DatabaseBackup.write(TestDatabases.readOnly(source), "public", TestDatabases.folders(), dir,
                "backup", TIMEOUT);
        TestDatabases.execute(source, "DELETE FROM \"Post\" WHERE id = 5", "ALTER TABLE \"User\" RENAME COLUMN name TO full_name");

        assertThatThrownBy(() -> DatabaseBackup.restoreOver(backup, CopyDestination.scratch(TestDatabases.server(), source),
                allowing(source), TIMEOUT)).hasMessageContaining("column User.name does not exist").hasMessageContaining("Nothing was restored");
        assertThat(count(source, "\"Post\"")).as("posts after the refused restore").isEqualTo(59);

        Files.writeString(backup.file(), "x", StandardOpenOption.APPEND);
        assertThat(DatabaseBackup.intact(backup)).as("intact after a byte was appended").isFalse();
        assertThatThrownBy(() -> DatabaseBackup.restoreIntoEmpty(backup, CopyDestination.scratch(TestDatabases.server(),
                TestDatabases.server().createDatabase("restored")), TestDatabases.config(source), TIMEOUT))
                .hasMessageContaining("no longer has SHA-256 " + backup.sha256());
    }

    private static String seeded() throws Exception {
        String database = TestDatabases.migrated(2);
        TestDatabases.seed(database, 20, 3);
        return database;
    }

    private static DatabaseConfig allowing(String database) {
        DatabaseConfig config = TestDatabases.config(database);
        return new DatabaseConfig(config.jdbcUrl(), config.user(), Secret.of(TestDatabases.server().password()), null, null, database);
    }

    private Snapshot snapshot(String database, String label) throws Exception {
        try (Connection connection = TestDatabases.server().connect(database)) {
            return SnapshotTaker.take(connection, SnapshotRequest.of(label, "test", database, "public", Exclusions.none(),
                    dir.resolve(label)), Clock.systemUTC());
        }
    }

    private static long count(String database, String from) throws Exception {
        try (Connection connection = TestDatabases.server().connect(database); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT count(*) FROM public." + from)) {
            result.next();
            return result.getLong(1);
        }
    }
}
