package dev.greenlight.migration;

import dev.greenlight.config.DatabaseConfig;
import dev.greenlight.config.Masker;
import dev.greenlight.config.Secret;
import dev.greenlight.db.ReadOnlyDatabase;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The pg_dump | pg_restore path, against the machine's own PostgreSQL whose major version matches its pg_dump. */
class DumpRestoreCopyTests {

    @Test
    @DisplayName("With pg_dump of the server's version, the copy is pg_dump | pg_restore and holds every row")
    void shouldCopyWithPgDumpWhenVersionsMatch() throws Exception {
        try (SystemPostgres source = SystemPostgres.startMatchingPgDumpWithApp()) {
            ReadOnlyDatabase readOnly = new ReadOnlyDatabase(new DatabaseConfig(source.jdbcUrl("app"), "postgres", Secret.of(""),
                    null, null, null), Masker.patternsOnly());
            String scratch = TestDatabases.server().createDatabase("restored");

            DatabaseCopy.Result copy = DatabaseCopy.copy(readOnly, "public", TestDatabases.folders(),
                    CopyDestination.scratch(TestDatabases.server(), scratch), Duration.ofMinutes(2));

            assertThat(copy.method()).as("copy method (%s)", copy.note()).isEqualTo("pg_dump/pg_restore");
            assertThat(count(scratch, "\"User\"")).as("users restored").isEqualTo(250);
            assertThat(count(scratch, "\"_prisma_migrations\"")).as("migration rows restored").isEqualTo(2);
        }
    }

    private static long count(String database, String table) throws Exception {
        try (Connection connection = TestDatabases.server().connect(database); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT count(*) FROM public." + table)) {
            result.next();
            return result.getLong(1);
        }
    }
}
