package dev.greenlight.sample.fault;

import dev.greenlight.sample.log.AppLog;
import dev.greenlight.sample.migrate.Migration;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Start-only faults that damage the database right after migrating: an edited migration checksum,
 * an unknown migration row, a dropped index, silently corrupted posts.
 */
public final class StartupFaults {

    /** The row {@code migration=unknown-row} records; no folder of that name exists. */
    public static final String UNKNOWN_MIGRATION = "20241120000000_manual_hotfix";

    /** Appended to a migration's script to compute the checksum {@code migration=edited} records. */
    public static final String EDIT = "\n-- edited after it was applied\n";

    private StartupFaults() {
    }

    /**
     * Applies the post-migration faults of the spec.
     *
     * @param known     the migrations this Prisma release knows, oldest first
     * @param candidate whether the app runs the candidate personality ({@code corrupt} only applies there)
     */
    public static void apply(Connection connection, FaultSpec spec, List<Migration> known, boolean candidate, AppLog log)
            throws SQLException {
        if (spec.migration().contains("edited")) {
            editChecksum(connection, known, log);
        }
        if (spec.migration().contains("unknown-row")) {
            insertUnknownRow(connection);
        }
        if (spec.indexDropped()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("DROP INDEX IF EXISTS \"Post_authorId_idx\"");
            }
        }
        if (spec.corrupt() > 0) {
            if (candidate) {
                int touched = corrupt(connection, spec.corrupt());
                log.info("Post-deploy maintenance finished (" + touched + " rows)");
            } else {
                log.warn("Fault corrupt applies to the candidate (7.0.1) only; ignored");
            }
        }
    }

    private static void editChecksum(Connection connection, List<Migration> known, AppLog log) throws SQLException {
        List<String> names = known.stream().map(Migration::name).toList();
        String last = null;
        try (PreparedStatement query = connection.prepareStatement("SELECT \"migration_name\" FROM \"_prisma_migrations\""
                + " WHERE \"finished_at\" IS NOT NULL AND \"rolled_back_at\" IS NULL ORDER BY \"migration_name\" DESC");
                ResultSet rows = query.executeQuery()) {
            while (rows.next() && last == null) {
                if (names.contains(rows.getString(1))) {
                    last = rows.getString(1);
                }
            }
        }
        if (last == null) {
            log.warn("Fault migration=edited found no applied migration to edit");
            return;
        }
        String edit = last;
        Migration migration = known.stream().filter(m -> m.name().equals(edit)).findFirst().orElseThrow();
        byte[] original = migration.script();
        byte[] appended = EDIT.getBytes(StandardCharsets.UTF_8);
        byte[] edited = new byte[original.length + appended.length];
        System.arraycopy(original, 0, edited, 0, original.length);
        System.arraycopy(appended, 0, edited, original.length, appended.length);
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE \"_prisma_migrations\" SET \"checksum\" = ? WHERE \"migration_name\" = ? AND \"finished_at\" IS NOT NULL")) {
            update.setString(1, Migration.sha256(edited));
            update.setString(2, migration.name());
            update.executeUpdate();
        }
    }

    private static void insertUnknownRow(Connection connection) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO \"_prisma_migrations\" (\"id\", \"checksum\", \"finished_at\", \"migration_name\", \"logs\","
                        + " \"started_at\", \"applied_steps_count\") SELECT ?, ?, now(), ?, NULL, now(), 1"
                        + " WHERE NOT EXISTS (SELECT 1 FROM \"_prisma_migrations\" WHERE \"migration_name\" = ?)")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, Migration.sha256("-- manual hotfix applied by hand\n".getBytes(StandardCharsets.UTF_8)));
            insert.setString(3, UNKNOWN_MIGRATION);
            insert.setString(4, UNKNOWN_MIGRATION);
            insert.executeUpdate();
        }
    }

    /**
     * Damages {@code count} posts (alternately content cut in half and title's last word dropped) and
     * deletes one more, chosen deterministically by a hash of the id, in one transaction, leaving
     * updatedAt alone so nothing looks touched.
     */
    private static int corrupt(Connection connection, int count) throws SQLException {
        List<Integer> victims = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT \"id\" FROM \"Post\" ORDER BY md5(\"id\"::text), \"id\" LIMIT ?")) {
            query.setInt(1, count + 1);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    victims.add(rows.getInt(1));
                }
            }
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (PreparedStatement truncate = connection.prepareStatement(
                "UPDATE \"Post\" SET \"content\" = left(\"content\", greatest(length(\"content\") / 2, 1)) WHERE \"id\" = ?"
                        + " AND \"content\" IS NOT NULL AND length(\"content\") > 1");
                PreparedStatement retitle = connection.prepareStatement(
                        "UPDATE \"Post\" SET \"title\" = CASE WHEN position(' ' in \"title\") > 0"
                                + " THEN regexp_replace(\"title\", '\\s+\\S+$', '') ELSE \"title\" || '.' END WHERE \"id\" = ?");
                PreparedStatement delete = connection.prepareStatement("DELETE FROM \"Post\" WHERE \"id\" = ?")) {
            int touched = 0;
            for (int i = 0; i < victims.size(); i++) {
                int id = victims.get(i);
                if (i == count) {
                    delete.setInt(1, id);
                    touched += delete.executeUpdate();
                } else if (i % 2 == 0) {
                    truncate.setInt(1, id);
                    int changed = truncate.executeUpdate();
                    if (changed == 0) {
                        retitle.setInt(1, id);
                        changed = retitle.executeUpdate();
                    }
                    touched += changed;
                } else {
                    retitle.setInt(1, id);
                    touched += retitle.executeUpdate();
                }
            }
            connection.commit();
            return touched;
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }
}
