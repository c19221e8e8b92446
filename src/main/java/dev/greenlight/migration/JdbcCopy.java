package dev.greenlight.migration;

import dev.greenlight.db.ReadOnlyDatabase;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyOut;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The copy used when {@code pg_dump} cannot be: the destination's schema is built by applying the migrations the
 * source has applied, then each table's rows are streamed {@code COPY ... TO STDOUT} from one repeatable-read,
 * read-only transaction straight into {@code COPY ... FROM STDIN} on the destination, buffer by buffer.
 */
final class JdbcCopy {

    record Outcome(int tables, long rows, List<String> warnings) {
    }

    private JdbcCopy() {
    }

    static Outcome copy(ReadOnlyDatabase database, String schema, List<MigrationFolder> folders, CopyDestination destination) {
        List<String> warnings = new ArrayList<>();
        try (Connection source = database.open(); Connection target = destination.connect()) {
            source.setAutoCommit(false);
            try (Statement statement = source.createStatement()) {
                statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            }
            Set<String> applied = new LinkedHashSet<>();
            if (MigrationRow.tableExists(source, schema)) {
                for (MigrationRow row : MigrationRow.readAll(source, schema)) {
                    if (row.applied()) {
                        applied.add(row.name());
                    }
                }
            }
            List<MigrationFolder> toApply = folders.stream().filter(folder -> applied.contains(folder.name())).toList();
            applied.stream().filter(name -> folders.stream().noneMatch(folder -> folder.name().equals(name)))
                    .forEach(name -> warnings.add("migration " + name + " is applied in the source but has no folder: its schema"
                            + " changes are not in the copy"));
            try (Statement statement = target.createStatement()) {
                statement.execute("CREATE SCHEMA IF NOT EXISTS " + Identifiers.quote(schema));
                statement.execute("SET search_path TO " + Identifiers.quote(schema));
            }
            for (MigrationApplier.Applied outcome : MigrationApplier.apply(target, toApply)) {
                if (outcome.failed()) {
                    warnings.add("migration " + outcome.name() + " failed while rebuilding the schema: " + outcome.error());
                }
            }
            try (Statement statement = target.createStatement()) {
                statement.execute("TRUNCATE \"_prisma_migrations\"");
                statement.execute("SET session_replication_role = replica");
            }
            int tables = 0;
            long rows = 0;
            for (String table : tables(source, schema)) {
                List<String> sourceColumns = columns(source, schema, table);
                List<String> targetColumns = columns(target, schema, table);
                if (targetColumns.isEmpty()) {
                    warnings.add("table " + table + " exists in the source but no migration creates it: not copied");
                    continue;
                }
                List<String> common = sourceColumns.stream().filter(targetColumns::contains).toList();
                sourceColumns.stream().filter(column -> !targetColumns.contains(column))
                        .forEach(column -> warnings.add("column " + table + "." + column + " exists in the source only: not copied"));
                rows += stream(source, target, schema, table, common);
                tables++;
            }
            resetSequences(target, schema);
            try (Statement statement = target.createStatement()) {
                statement.execute("SET session_replication_role = origin");
            }
            source.rollback();
            return new Outcome(tables, rows, List.copyOf(warnings));
        } catch (SQLException e) {
            throw new IllegalStateException("copying the database into scratch database " + destination.database()
                    + " failed: " + e.getMessage(), e);
        }
    }

    private static long stream(Connection source, Connection target, String schema, String table, List<String> columns)
            throws SQLException {
        String columnList = String.join(", ", columns.stream().map(Identifiers::quote).toList());
        String qualified = Identifiers.quote(schema) + "." + Identifiers.quote(table);
        CopyOut out = source.unwrap(PGConnection.class).getCopyAPI()
                .copyOut("COPY (SELECT " + columnList + " FROM " + qualified + ") TO STDOUT");
        CopyIn in = target.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY " + qualified + " (" + columnList + ") FROM STDIN");
        try {
            byte[] buffer;
            while ((buffer = out.readFromCopy()) != null) {
                in.writeToCopy(buffer, 0, buffer.length);
            }
            return in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
            if (out.isActive()) {
                out.cancelCopy();
            }
        }
    }

    /** Sets every serial/identity sequence of {@code schema} past its column's highest value, as a restore must. */
    static void resetSequences(Connection target, String schema) throws SQLException {
        List<String> statements = new ArrayList<>();
        try (PreparedStatement query = target.prepareStatement("SELECT c.relname, a.attname,"
                + " pg_get_serial_sequence(quote_ident(n.nspname) || '.' || quote_ident(c.relname), a.attname)"
                + " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = ? AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped")) {
            query.setString(1, schema);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    String sequence = result.getString(3);
                    if (sequence != null) {
                        statements.add("SELECT setval(" + Identifiers.literal(sequence) + ", COALESCE((SELECT max("
                                + Identifiers.quote(result.getString(2)) + ") FROM " + Identifiers.quote(schema) + "."
                                + Identifiers.quote(result.getString(1)) + "), 0) + 1, false)");
                    }
                }
            }
        }
        try (Statement statement = target.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** Drops {@code schema} in the destination (a scratch database) and, with {@code recreate}, makes it anew and empty. */
    static void resetSchema(CopyDestination destination, String schema, boolean recreate) {
        try (Connection target = destination.connect(); Statement statement = target.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + Identifiers.quote(schema) + " CASCADE");
            if (recreate) {
                statement.execute("CREATE SCHEMA " + Identifiers.quote(schema));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reset scratch database " + destination.database() + ": " + e.getMessage(), e);
        }
    }

    /** The tables of {@code schema}, by name. */
    static List<String> tables(Connection connection, String schema) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT c.relname FROM pg_class c JOIN pg_namespace n"
                + " ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relkind IN ('r', 'p') ORDER BY c.relname")) {
            query.setString(1, schema);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    names.add(result.getString(1));
                }
            }
        }
        return names;
    }

    /** The stored (not generated) columns of a table, in table order; empty when there is no such table. */
    static List<String> columns(Connection connection, String schema, String table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT a.attname FROM pg_attribute a"
                + " JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = ? AND c.relname = ? AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''"
                + " ORDER BY a.attnum")) {
            query.setString(1, schema);
            query.setString(2, table);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    names.add(result.getString(1));
                }
            }
        }
        return names;
    }
}
