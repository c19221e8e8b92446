package dev.greenlight.migration;

import dev.greenlight.config.DatabaseConfig;
import dev.greenlight.config.Masker;
import dev.greenlight.config.Secret;
import dev.greenlight.db.ReadOnlyDatabase;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The pg_dump backup and its pg_restore paths, against the machine's own PostgreSQL whose major version matches its pg_dump. */
class DumpBackupTests {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    @Test
    @DisplayName("With pg_dump of the server's version, the backup is pg_dump custom format; it restores into scratch and over the source")
    void shouldBackUpAndRestoreWithPgDump(@TempDir Path dir) throws Exception {
        try (SystemPostgres server = SystemPostgres.startMatchingPgDumpWithApp()) {
            DatabaseConfig config = new DatabaseConfig(server.jdbcUrl("app"), "postgres", Secret.of(""), null, null, "app");

            DatabaseBackup.Backup backup = DatabaseBackup.write(new ReadOnlyDatabase(config, Masker.patternsOnly()), "public",
                    TestDatabases.folders(), dir, "backup", TIMEOUT);
            String scratch = TestDatabases.server().createDatabase("restored");
            DatabaseBackup.restoreIntoEmpty(backup, CopyDestination.scratch(TestDatabases.server(), scratch), config, TIMEOUT);
            try (Connection connection = server.connect("app"); Statement statement = connection.createStatement()) {
                statement.execute("DELETE FROM \"User\" WHERE id > 200");
            }
            URI uri = URI.create(server.jdbcUrl("app").substring("jdbc:".length()));
            DatabaseBackup.restoreOver(backup, new CopyDestination(uri.getHost(), uri.getPort(), "app", "postgres", ""), config, TIMEOUT);

            assertThat(backup.format()).as("format (%s)", backup.note()).isEqualTo(DatabaseBackup.Format.PG_DUMP);
            assertThat(backup.sha256()).as("recorded checksum").isEqualTo(DatabaseBackup.sha256(backup.file()));
            try (Connection connection = TestDatabases.server().connect(scratch)) {
                assertThat(count(connection)).as("users restored into scratch").isEqualTo(250);
            }
            try (Connection connection = server.connect("app")) {
                assertThat(count(connection)).as("users after restoring over the source").isEqualTo(250);
            }
        }
    }

    private static long count(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery("SELECT count(*) FROM public.\"User\"")) {
            result.next();
            return result.getLong(1);
        }
    }
}
