package dev.greenlight.sample.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.sample.AppConfig;
import dev.greenlight.sample.fault.StartupFaults;
import dev.greenlight.sample.testkit.EmbeddedPostgresExtension;
import dev.greenlight.sample.testkit.RunningApp;
import dev.greenlight.sample.testkit.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EmbeddedPostgresExtension.class)
@DisplayName("Migrations are applied and recorded exactly as Prisma does")
class MigrationTests {

    private static final String INIT = "20240915093000_init";
    private static final String FEED_INDEX = "20241008120000_add_feed_index";
    private static final String PRISMA7 = "20241127090000_prisma7_user_created_at_author_index";
    private static final String ROWS = "SELECT * FROM \"_prisma_migrations\" ORDER BY \"started_at\", \"migration_name\"";

    private static String sha256(String migration, String suffix) throws Exception {
        byte[] file = Files.readAllBytes(AppConfig.DEFAULT_MIGRATIONS_DIR.resolve(migration).resolve("migration.sql"));
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        digest.update(file);
        digest.update(suffix.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest.digest());
    }

    @Test
    void shouldRecordEveryCandidateMigrationWithPrismasBookkeeping(TestDatabase db) throws Exception {
        try (RunningApp app = RunningApp.start(db, null)) {
            List<Map<String, Object>> rows = db.rows(ROWS);

            assertThat(rows).extracting(r -> r.get("migration_name")).containsExactly(INIT, FEED_INDEX, PRISMA7);
            for (Map<String, Object> row : rows) {
                assertThat(row.get("checksum")).as("checksum of %s", row.get("migration_name"))
                        .isEqualTo(sha256((String) row.get("migration_name"), ""));
                assertThat(row.get("id").toString()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}");
                assertThat(row.get("finished_at")).isNotNull();
                assertThat(row.get("applied_steps_count")).isEqualTo(1);
                assertThat(row.get("logs")).isNull();
                assertThat(row.get("rolled_back_at")).isNull();
            }
            assertThat(db.rows("SELECT column_name || ' ' || data_type || ' ' || is_nullable"
                    + " || coalesce(' ' || character_maximum_length, '') AS c FROM information_schema.columns"
                    + " WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position")).extracting(r -> r.get("c"))
                    .containsExactly("id character varying NO 36", "checksum character varying NO 64",
                            "finished_at timestamp with time zone YES", "migration_name character varying NO 255",
                            "logs text YES", "rolled_back_at timestamp with time zone YES",
                            "started_at timestamp with time zone NO", "applied_steps_count integer NO");
            assertThat(db.value("SELECT count(*) FROM \"User\"")).as("demo data seeded").isEqualTo(10L);
        }
    }

    @Test
    void shouldApplyOnlyWhatEachPersonalityKnowsAndIgnoreUnknownRows(TestDatabase db) {
        try (RunningApp baseline = RunningApp.start(db, Map.of("PRISMA_VERSION", "6.19.0"), null)) {
            assertThat(db.rows(ROWS)).extracting(r -> r.get("migration_name")).containsExactly(INIT, FEED_INDEX);
        }
        try (RunningApp candidate = RunningApp.start(db, null)) {
            assertThat(candidate.log()).contains("Migration " + FEED_INDEX + " skipped (already applied)", "Migration " + PRISMA7 + " applied");
        }
        try (RunningApp rolledBack = RunningApp.start(db, Map.of("PRISMA_VERSION", "6.19.0"), null)) {
            assertThat(rolledBack.log()).contains("Migration " + PRISMA7 + " is recorded in _prisma_migrations but has no"
                    + " migration folder known to Prisma 6.19.0; ignoring it");
            assertThat(rolledBack.get("/feed").status()).isEqualTo(200);
            assertThat(rolledBack.get("/api/health").json().get("prisma").asText()).isEqualTo("6.19.0");
        }
    }

    @Test
    void shouldRecordAFailedMigrationBlockLaterRunsAndKeepServing(TestDatabase db) {
        try (RunningApp app = RunningApp.start(db, "migration=fail")) {
            Map<String, Object> failed = db.rows("SELECT * FROM \"_prisma_migrations\" WHERE \"migration_name\" = ?",
                    MigrationSource.FAULT_MIGRATION).get(0);

            assertThat(failed.get("finished_at")).isNull();
            assertThat(failed.get("applied_steps_count")).isEqualTo(0);
            assertThat((String) failed.get("logs")).contains("Database error code: 23502", "\"handle\"");
            assertThat(app.log()).contains("P3018", "Migrations incomplete");
            assertThat(app.get("/feed").status()).as("the app serves anyway").isEqualTo(200);
        }
        try (RunningApp again = RunningApp.start(db, "migration=fail")) {
            assertThat(again.log()).contains("Migration " + MigrationSource.FAULT_MIGRATION + " not applied: Error: P3009");
            assertThat(db.value("SELECT count(*) FROM \"_prisma_migrations\"")).as("no retry row").isEqualTo(4L);
        }
    }

    @Test
    void shouldLeaveDriftThatTheNextStartReports(TestDatabase db) throws Exception {
        try (RunningApp app = RunningApp.start(db, "migration=edited,migration=unknown-row,index=dropped")) {
            assertThat(db.value("SELECT \"checksum\" FROM \"_prisma_migrations\" WHERE \"migration_name\" = ?", PRISMA7))
                    .isEqualTo(sha256(PRISMA7, StartupFaults.EDIT));
            assertThat(db.value("SELECT count(*) FROM \"_prisma_migrations\" WHERE \"migration_name\" = ?"
                    + " AND \"finished_at\" IS NOT NULL", StartupFaults.UNKNOWN_MIGRATION)).isEqualTo(1L);
            assertThat(db.value("SELECT count(*) FROM pg_indexes WHERE indexname = 'Post_authorId_idx'")).isEqualTo(0L);
        }
        try (RunningApp next = RunningApp.start(db, null)) {
            assertThat(next.log()).contains("The migration `" + PRISMA7 + "` was modified after it was applied",
                    "Migration " + StartupFaults.UNKNOWN_MIGRATION + " is recorded in _prisma_migrations");
        }
    }

    @Test
    void shouldShipMigrationFoldersAsPrismaLaysThemOut() throws IOException {
        String lock = Files.readString(AppConfig.DEFAULT_MIGRATIONS_DIR.resolve("migration_lock.toml"));
        String init = Files.readString(AppConfig.DEFAULT_MIGRATIONS_DIR.resolve(INIT).resolve("migration.sql"));

        assertThat(lock).contains("provider = \"postgresql\"");
        assertThat(init).startsWith("-- CreateTable\nCREATE TABLE \"User\" (")
                .contains("CREATE UNIQUE INDEX \"User_email_key\" ON \"User\"(\"email\");")
                .contains("ON DELETE SET NULL ON UPDATE CASCADE;");
    }
}
