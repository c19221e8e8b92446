package dev.greenlight.migration;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The history check on a real {@code _prisma_migrations}, written in Prisma's exact format, read read-only. */
class PrismaHistoryTests {

    /** What {@code prisma migrate deploy} leaves: Prisma's DDL, uuid ids, sha256 hex checksums, steps 1, logs NULL. */
    private static final String PRISMA_ROWS = """
            INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count) VALUES
            ('8c1f0b3e-6f0e-4a52-9d6b-2f1f0f9a3c11', 'd52370c8dd48955754d6632193b2beae08a75b2de2d28e0849b858e633295371', '2024-09-15 09:30:01.512+00', '20240915093000_init', NULL, NULL, '2024-09-15 09:30:01.402+00', 1),
            ('1b9c5a77-0e1d-4d7e-8a4f-7d2b9e6c1a02', '5c6659489776e8866674240e5088defc2c6a9a64bb4089a044d2939f0434a5dd', '2024-10-08 12:00:02.031+00', '20241008120000_add_feed_index', NULL, NULL, '2024-10-08 12:00:01.998+00', 1)""";

    @Test
    @DisplayName("A database migrated in Prisma's format passes; the pending migration is reported as not applied")
    void shouldPassPrismaFormattedHistory() throws SQLException {
        String database = TestDatabases.server().createDatabase("prisma");
        TestDatabases.execute(database, MigrationApplier.MIGRATIONS_TABLE_DDL, PRISMA_ROWS);

        List<MigrationRow> rows = TestDatabases.readOnly(database).read("reading history",
                connection -> MigrationRow.readAll(connection, "public"));
        MigrationHistory history = MigrationHistory.check(TestDatabases.folders().subList(0, 2), rows);
        MigrationHistory pending = MigrationHistory.check(TestDatabases.folders(), rows);

        assertThat(rows).as("rows read").hasSize(2);
        assertThat(history.findings()).as("findings for the two applied folders").isEmpty();
        assertThat(pending.findings()).singleElement().extracting(HistoryFinding::problem).isEqualTo(HistoryFinding.Problem.NOT_APPLIED);
    }

    @Test
    @DisplayName("A migration Prisma failed (finished_at NULL, applied_steps_count 0, error in logs) is found in the database")
    void shouldFindPrismaFailedMigration() throws SQLException {
        String database = TestDatabases.migrated(2);
        TestDatabases.update(database, "INSERT INTO \"_prisma_migrations\" (id, checksum, migration_name, logs, started_at,"
                + " applied_steps_count) VALUES ('2f5d', ?, ?, ?, now(), 0)", TestDatabases.folders().get(2).checksum(),
                TestDatabases.folders().get(2).name(), "Database error code: 23502\n\nDatabase error:\nERROR: column \"createdAt\" of relation \"User\" contains null values");

        List<MigrationRow> rows = TestDatabases.readOnly(database).read("reading history", c -> MigrationRow.readAll(c, "public"));

        assertThat(MigrationHistory.check(TestDatabases.folders(), rows).findings()).singleElement()
                .satisfies(finding -> assertThat(finding.message())
                        .contains("20241127090000_prisma7_user_created_at_author_index").contains("failed").contains("contains null values"));
    }
}
