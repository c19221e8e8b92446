package dev.greenlight.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One row of Prisma's {@code _prisma_migrations} table, read as it is: Greenlight does not trust
 * {@code prisma migrate status}, which passes over edited files and rows it has no folder for.
 *
 * @param id                Prisma's uuid for the attempt
 * @param name              {@code migration_name}: the folder name
 * @param checksum          SHA-256 hex of the script as it was applied
 * @param startedAt         when the attempt started
 * @param finishedAt        when it finished; null for a failed or interrupted attempt
 * @param rolledBackAt      set by {@code prisma migrate resolve --rolled-back}
 * @param logs              the error of a failed attempt
 * @param appliedStepsCount steps applied; 0 for a failed attempt
 */
public record MigrationRow(String id, String name, String checksum, Instant startedAt, Instant finishedAt,
                           Instant rolledBackAt, String logs, int appliedStepsCount) {

    /** Finished and not rolled back: the migration counts as applied. */
    public boolean applied() {
        return finishedAt != null && rolledBackAt == null;
    }

    /** Neither finished nor rolled back: Prisma refuses to apply anything else until it is resolved (P3009). */
    public boolean unresolvedFailure() {
        return finishedAt == null && rolledBackAt == null;
    }

    /** Whether {@code _prisma_migrations} exists in {@code schema}. */
    public static boolean tableExists(Connection connection, String schema) throws SQLException {
        try (var query = connection.prepareStatement("SELECT to_regclass(quote_ident(?) || '._prisma_migrations') IS NOT NULL")) {
            query.setString(1, schema);
            try (ResultSet result = query.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    /** Every row of {@code schema._prisma_migrations}, in the order the attempts started. */
    public static List<MigrationRow> readAll(Connection connection, String schema) throws SQLException {
        String table = Identifiers.quote(schema) + ".\"_prisma_migrations\"";
        List<MigrationRow> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT id, migration_name, checksum, started_at, finished_at,"
                     + " rolled_back_at, logs, applied_steps_count FROM " + table + " ORDER BY started_at, migration_name, id")) {
            while (result.next()) {
                rows.add(new MigrationRow(result.getString(1), result.getString(2), result.getString(3),
                        instant(result, 4), instant(result, 5), instant(result, 6), result.getString(7), result.getInt(8)));
            }
        }
        return List.copyOf(rows);
    }

    private static Instant instant(ResultSet result, int column) throws SQLException {
        java.sql.Timestamp value = result.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
