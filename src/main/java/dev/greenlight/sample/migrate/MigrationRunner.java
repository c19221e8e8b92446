package dev.greenlight.sample.migrate;

import dev.greenlight.sample.db.DirectConnections;
import dev.greenlight.sample.log.AppLog;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Applies pending migrations the way {@code prisma migrate deploy} does: under Prisma's advisory
 * lock, into {@code _prisma_migrations} with Prisma's DDL; a row is inserted when a migration
 * starts, finished_at and applied_steps_count set when it succeeds, the error kept in logs when it
 * fails. While a failed migration is unresolved no later one is applied (P3009).
 */
public final class MigrationRunner {

    /** The advisory lock key Prisma's schema engine takes. */
    public static final long ADVISORY_LOCK_KEY = 72707369L;

    /** Prisma's DDL for the bookkeeping table. */
    public static final String MIGRATIONS_TABLE_DDL = """
            CREATE TABLE "_prisma_migrations" (
                "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
                "checksum"              VARCHAR(64) NOT NULL,
                "finished_at"           TIMESTAMPTZ,
                "migration_name"        VARCHAR(255) NOT NULL,
                "logs"                  TEXT,
                "rolled_back_at"        TIMESTAMPTZ,
                "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
                "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
            );""";

    /** Called before a migration is applied, on the migration connection (e.g. to make sure data exists). */
    @FunctionalInterface
    public interface BeforeApply {
        void before(Migration migration, Connection connection) throws SQLException;
    }

    private record Row(String name, String checksum, Instant startedAt, boolean finished, boolean rolledBack) {
    }

    private final DirectConnections connections;
    private final AppLog log;
    private final String prismaVersion;

    public MigrationRunner(DirectConnections connections, AppLog log, String prismaVersion) {
        this.connections = connections;
        this.log = log;
        this.prismaVersion = prismaVersion;
    }

    /**
     * Applies the pending migrations, oldest first.
     *
     * @throws SQLException when the database cannot be reached or the bookkeeping fails
     */
    public MigrationOutcome deploy(List<Migration> migrations, BeforeApply beforeApply) throws SQLException {
        log.info(migrations.size() + " migrations found in prisma/migrations");
        try (Connection connection = connections.open()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_advisory_lock(" + ADVISORY_LOCK_KEY + ")");
            }
            try {
                return deployLocked(connection, migrations, beforeApply);
            } finally {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SELECT pg_advisory_unlock(" + ADVISORY_LOCK_KEY + ")");
                }
            }
        }
    }

    private MigrationOutcome deployLocked(Connection connection, List<Migration> migrations, BeforeApply beforeApply)
            throws SQLException {
        ensureTable(connection, connections.url().schema());
        List<Row> rows = readRows(connection);
        List<String> applied = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        List<String> blocked = new ArrayList<>();
        List<String> modified = new ArrayList<>();
        Set<String> known = new LinkedHashSet<>();
        migrations.forEach(m -> known.add(m.name()));

        Set<String> unknown = new LinkedHashSet<>();
        for (Row row : rows) {
            if (!row.rolledBack() && !known.contains(row.name()) && unknown.add(row.name())) {
                log.warn("Migration " + row.name() + " is recorded in _prisma_migrations but has no migration folder known to"
                        + " Prisma " + prismaVersion + "; ignoring it");
            }
        }
        List<Row> unresolved = rows.stream().filter(r -> !r.finished() && !r.rolledBack()).toList();
        String failure = unresolved.isEmpty() ? null : p3009(unresolved.get(0));

        for (Migration migration : migrations) {
            Row done = rows.stream().filter(r -> r.finished() && !r.rolledBack() && r.name().equals(migration.name()))
                    .findFirst().orElse(null);
            if (done != null) {
                if (!done.checksum().equals(migration.checksum())) {
                    modified.add(migration.name());
                    log.warn("The migration `" + migration.name() + "` was modified after it was applied"
                            + " (recorded checksum " + done.checksum() + ", file " + migration.checksum() + ")");
                }
                skipped.add(migration.name());
                log.info("Migration " + migration.name() + " skipped (already applied)");
                continue;
            }
            if (failure != null) {
                blocked.add(migration.name());
                log.error("Migration " + migration.name() + " not applied: " + failure);
                continue;
            }
            beforeApply.before(migration, connection);
            String error = apply(connection, migration);
            if (error == null) {
                applied.add(migration.name());
            } else {
                failed.add(migration.name());
                failure = "Error: P3009 migrate found failed migrations in the target database, new migrations will not"
                        + " be applied. The `" + migration.name() + "` migration failed";
            }
        }
        if (failed.isEmpty() && blocked.isEmpty()) {
            log.info(applied.isEmpty() ? "No pending migrations to apply." : "All migrations have been successfully applied.");
        }
        return new MigrationOutcome(applied, skipped, failed, blocked, List.copyOf(unknown), modified);
    }

    private String apply(Connection connection, Migration migration) throws SQLException {
        String id = UUID.randomUUID().toString();
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO \"_prisma_migrations\" (\"id\", \"checksum\", \"started_at\", \"migration_name\", \"applied_steps_count\")"
                        + " VALUES (?, ?, now(), ?, 0)")) {
            insert.setString(1, id);
            insert.setString(2, migration.checksum());
            insert.setString(3, migration.name());
            insert.executeUpdate();
        }
        long start = System.nanoTime();
        SQLException error = null;
        connection.setAutoCommit(false);
        try (Statement script = connection.createStatement()) {
            script.execute(migration.sql());
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            error = e;
        } finally {
            connection.setAutoCommit(true);
        }
        if (error == null) {
            try (PreparedStatement finish = connection.prepareStatement(
                    "UPDATE \"_prisma_migrations\" SET \"finished_at\" = now(), \"applied_steps_count\" = \"applied_steps_count\" + 1"
                            + " WHERE \"id\" = ?")) {
                finish.setString(1, id);
                finish.executeUpdate();
            }
            log.info("Migration " + migration.name() + " applied (" + (System.nanoTime() - start) / 1_000_000 + " ms)");
            return null;
        }
        String logs = prismaLogs(error);
        try (PreparedStatement record = connection.prepareStatement(
                "UPDATE \"_prisma_migrations\" SET \"logs\" = ? WHERE \"id\" = ?")) {
            record.setString(1, logs);
            record.setString(2, id);
            record.executeUpdate();
        }
        log.error("Migration " + migration.name() + " failed: Error: P3018 A migration failed to apply. New migrations cannot"
                + " be applied before the error is recovered from. Read more about how to resolve migration issues in a"
                + " production database: https://pris.ly/d/migrate-resolve Migration name: " + migration.name() + " "
                + firstParagraphs(logs));
        return logs;
    }

    private static String firstParagraphs(String logs) {
        int dbError = logs.indexOf("\n\nDbError");
        return dbError < 0 ? logs : logs.substring(0, dbError);
    }

    /** The text Prisma leaves in {@code _prisma_migrations.logs} for a failed script. */
    static String prismaLogs(SQLException error) {
        String state = error.getSQLState() == null ? "unknown" : error.getSQLState();
        StringBuilder logs = new StringBuilder();
        logs.append("Database error code: ").append(state).append("\n\nDatabase error:\n");
        String message = error.getMessage() == null ? error.toString() : error.getMessage();
        logs.append(message.startsWith("ERROR:") ? message : "ERROR: " + message).append("\n\n");
        if (error instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
            ServerErrorMessage server = psql.getServerErrorMessage();
            logs.append("DbError { severity: \"").append(server.getSeverity()).append("\", code: SqlState(E")
                    .append(state).append("), message: ").append(quote(server.getMessage()))
                    .append(", schema: ").append(option(server.getSchema()))
                    .append(", table: ").append(option(server.getTable()))
                    .append(", column: ").append(option(server.getColumn()))
                    .append(", file: ").append(option(server.getFile()))
                    .append(", line: ").append(server.getLine() == 0 ? "None" : "Some(" + server.getLine() + ")")
                    .append(", routine: ").append(option(server.getRoutine())).append(" }\n");
        }
        return logs.toString();
    }

    private static String option(String value) {
        return value == null ? "None" : "Some(" + quote(value) + ")";
    }

    private static String quote(String value) {
        return value == null ? "\"\"" : "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private String p3009(Row failedRow) {
        return "Error: P3009 migrate found failed migrations in the target database, new migrations will not be applied."
                + " Read more about how to resolve migration issues in a production database:"
                + " https://pris.ly/d/migrate-resolve The `" + failedRow.name() + "` migration started at "
                + failedRow.startedAt() + " failed";
    }

    private static void ensureTable(Connection connection, String schema) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS \"" + schema.replace("\"", "\"\"") + "\"");
        }
        boolean exists;
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = '_prisma_migrations'");
                ResultSet rows = query.executeQuery()) {
            exists = rows.next();
        }
        if (!exists) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(MIGRATIONS_TABLE_DDL);
            }
        }
    }

    private static List<Row> readRows(Connection connection) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(
                        "SELECT \"migration_name\", \"checksum\", \"started_at\", \"finished_at\", \"rolled_back_at\""
                                + " FROM \"_prisma_migrations\" ORDER BY \"started_at\" ASC")) {
            while (result.next()) {
                Timestamp started = result.getTimestamp(3);
                rows.add(new Row(result.getString(1), result.getString(2),
                        started == null ? null : started.toInstant(),
                        result.getTimestamp(4) != null, result.getTimestamp(5) != null));
            }
        }
        return rows;
    }
}
