package dev.greenlight.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Applies migration folders to a scratch database the way {@code prisma migrate deploy} does — oldest first,
 * each script in one transaction, a {@code _prisma_migrations} row per attempt, stopping at the first failure —
 * and times each one. Only ever given connections to scratch databases.
 */
public final class MigrationApplier {

    /** Prisma's DDL for its bookkeeping table. */
    public static final String MIGRATIONS_TABLE_DDL = """
            CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
                "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
                "checksum"              VARCHAR(64) NOT NULL,
                "finished_at"           TIMESTAMPTZ,
                "migration_name"        VARCHAR(255) NOT NULL,
                "logs"                  TEXT,
                "rolled_back_at"        TIMESTAMPTZ,
                "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
                "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
            )""";

    /**
     * The outcome of one migration.
     *
     * @param name  the migration
     * @param took  how long its script ran
     * @param error the database's error when it failed, else null
     */
    public record Applied(String name, Duration took, String error) {
        public boolean failed() {
            return error != null;
        }
    }

    private MigrationApplier() {
    }

    /**
     * Applies {@code folders} in order on {@code connection} (a scratch database), stopping after the first failure.
     * Returns one outcome per migration attempted.
     */
    public static List<Applied> apply(Connection connection, List<MigrationFolder> folders) throws SQLException {
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            statement.execute(MIGRATIONS_TABLE_DDL);
        }
        List<Applied> outcomes = new ArrayList<>();
        for (MigrationFolder folder : folders) {
            Applied applied = applyOne(connection, folder);
            outcomes.add(applied);
            if (applied.failed()) {
                break;
            }
        }
        return List.copyOf(outcomes);
    }

    private static Applied applyOne(Connection connection, MigrationFolder folder) throws SQLException {
        String id = UUID.randomUUID().toString();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO \"_prisma_migrations\""
                + " (id, checksum, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, now(), 0)")) {
            insert.setString(1, id);
            insert.setString(2, folder.checksum());
            insert.setString(3, folder.name());
            insert.executeUpdate();
        }
        String sql = folder.sql();
        // CREATE INDEX CONCURRENTLY cannot run inside a transaction; Prisma runs such scripts as they are
        boolean transactional = !sql.toUpperCase(Locale.ROOT).contains("CONCURRENTLY");
        long start = System.nanoTime();
        String error = null;
        connection.setAutoCommit(!transactional);
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
            if (transactional) {
                connection.commit();
            }
        } catch (SQLException e) {
            if (transactional) {
                connection.rollback();
            }
            error = e.getMessage();
        } finally {
            connection.setAutoCommit(true);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        try (PreparedStatement update = connection.prepareStatement(error == null
                ? "UPDATE \"_prisma_migrations\" SET finished_at = now(), applied_steps_count = 1 WHERE id = ?"
                : "UPDATE \"_prisma_migrations\" SET logs = ? WHERE id = ?")) {
            if (error == null) {
                update.setString(1, id);
            } else {
                update.setString(1, error);
                update.setString(2, id);
            }
            update.executeUpdate();
        }
        return new Applied(folder.name(), took, error);
    }
}
