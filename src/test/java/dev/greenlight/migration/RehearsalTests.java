package dev.greenlight.migration;

import dev.greenlight.config.DatabaseConfig;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RehearsalTests {

    @TempDir
    Path dir;

    private List<MigrationFolder> foldersWith(String name, String sql) throws IOException {
        for (MigrationFolder folder : TestDatabases.folders()) {
            Path copy = dir.resolve(folder.name()).resolve("migration.sql");
            Files.createDirectories(copy.getParent());
            Files.copy(folder.script(), copy);
        }
        Path extra = dir.resolve(name).resolve("migration.sql");
        Files.createDirectories(extra.getParent());
        Files.writeString(extra, sql);
        return MigrationFolder.readAll(dir);
    }

    private static MigrationRehearsal rehearse(String database, List<MigrationFolder> folders) {
        return MigrationRehearsal.run(TestDatabases.readOnly(database), "public", folders, TestDatabases.server(), Duration.ofMinutes(2));
    }

    @Test
    @DisplayName("The copy holds every row, and the pending migration is applied to it and timed")
    void shouldCopyAndApplyPendingMigration() throws SQLException {
        String database = TestDatabases.migrated(2);
        TestDatabases.seed(database, 30, 20);

        MigrationRehearsal rehearsal = rehearse(database, TestDatabases.folders());

        assertThat(rehearsal.copy().rows()).as("rows copied: 30 users, 600 posts, 2 migration rows").isEqualTo(632);
        assertThat(rehearsal.copy().note()).as("why COPY over JDBC").isNotBlank();
        assertThat(rehearsal.pending()).containsExactly("20241127090000_prisma7_user_created_at_author_index");
        assertThat(rehearsal.failures()).as("failures").isEmpty();
        assertThat(rehearsal.outcomes()).singleElement().satisfies(o -> assertThat(o.took()).isPositive());
        assertThat(countUsers(database)).as("the source is untouched: no createdAt column").isEqualTo(30);
    }

    @Test
    @DisplayName("A NOT NULL column without default on a non-empty table fails in the rehearsal, named with its error")
    void shouldFailNotNullColumnOnRealData() throws Exception {
        String database = TestDatabases.migrated(3);
        TestDatabases.seed(database, 5, 2);
        List<MigrationFolder> folders = foldersWith("20250101000000_require_nickname",
                "ALTER TABLE \"User\" ADD COLUMN \"nickname\" TEXT NOT NULL;\n");

        MigrationRehearsal rehearsal = rehearse(database, folders);

        assertThat(rehearsal.failures()).singleElement().satisfies(failed -> {
            assertThat(failed.name()).isEqualTo("20250101000000_require_nickname");
            assertThat(failed.error()).contains("nickname").contains("null values");
        });
        assertThat(rehearsal.render()).contains("FAILED");
    }

    @Test
    @DisplayName("A unique index over duplicate values fails in the rehearsal")
    void shouldFailUniqueIndexOverDuplicates() throws Exception {
        String database = TestDatabases.migrated(3);
        TestDatabases.seed(database, 5, 2);
        TestDatabases.execute(database, "UPDATE \"Post\" SET title = 'Same title' WHERE id IN (1, 2)");
        List<MigrationFolder> folders = foldersWith("20250101000000_unique_title",
                "CREATE UNIQUE INDEX \"Post_title_key\" ON \"Post\"(\"title\");\n");

        MigrationRehearsal rehearsal = rehearse(database, folders);

        assertThat(rehearsal.failures()).singleElement()
                .satisfies(failed -> assertThat(failed.error()).contains("Post_title_key").contains("Same title"));
    }

    @Test
    @DisplayName("A copy into the configured database itself is refused unless database.allowDestructive names it")
    void shouldRefuseToWriteIntoConfiguredDatabase() {
        DatabaseConfig configured = new DatabaseConfig("jdbc:postgresql://127.0.0.1:5432/app", "u", null, null, null, null);
        CopyDestination same = new CopyDestination("localhost", 5432, "app", "u", "");

        assertThatThrownBy(() -> same.requireNotConfigured(configured)).hasMessageContaining("refusing to write into")
                .hasMessageContaining("database.allowDestructive");
        same.requireNotConfigured(new DatabaseConfig(configured.jdbcUrl(), "u", null, null, null, "app"));
        new CopyDestination("127.0.0.1", 5432, "gl_rehearsal_1", "u", "").requireNotConfigured(configured);
    }

    private static long countUsers(String database) throws SQLException {
        try (Connection connection = TestDatabases.server().connect(database); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT count(*) FROM \"User\" WHERE NOT EXISTS (SELECT 1 FROM"
                     + " information_schema.columns WHERE table_name = 'User' AND column_name = 'createdAt')")) {
            result.next();
            return result.getLong(1);
        }
    }
}
