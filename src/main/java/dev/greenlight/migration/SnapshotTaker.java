package dev.greenlight.migration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Takes a {@link Snapshot}: per table one streaming, read-only query that lets PostgreSQL hash each row
 * ({@code md5} of the row's text, first 64 bits) and returns only (primary key, hash) in key order, fetched
 * in batches so memory stays flat whatever the table's size. Works on a read-only session; writes nothing to
 * the database.
 */
public final class SnapshotTaker {

    private static final Set<String> INTEGER_TYPES = Set.of("int2", "int4", "int8");
    private static final int FETCH_SIZE = 5000;

    private SnapshotTaker() {
    }

    /** Takes the snapshot and writes its row files under {@code request.rowsDir()}; {@link SnapshotStore#save} writes the JSON. */
    public static Snapshot take(Connection connection, SnapshotRequest request, Clock clock) throws SQLException {
        java.time.Instant takenAt = clock.instant();
        String version = ScratchPostgres.ServerVersion.major(connection) + "";
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery("SHOW server_version")) {
            version = result.next() ? result.getString(1) : version;
        }
        prepare(request.rowsDir());
        List<Snapshot.Table> tables = new ArrayList<>();
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            try (Statement statement = connection.createStatement()) {
                // row text depends on these settings; fixing them makes two sessions' hashes comparable
                for (String setting : List.of("TimeZone = 'UTC'", "DateStyle = 'ISO, YMD'", "IntervalStyle = 'postgres'",
                        "extra_float_digits = 1", "bytea_output = 'hex'")) {
                    statement.execute("SET LOCAL " + setting);
                }
            }
            for (String table : tables(connection, request.schema())) {
                if (!request.exclusions().excludesTable(table)) {
                    tables.add(table(connection, request, table));
                }
            }
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
        return new Snapshot(request.label(), request.target(), takenAt, request.database(), version, request.schema(),
                request.exclusions().describe(), request.chunkRows(), tables);
    }

    private static void prepare(Path rowsDir) {
        try {
            if (Files.isDirectory(rowsDir)) {
                try (var old = Files.list(rowsDir)) {
                    for (Path file : old.toList()) {
                        Files.delete(file);
                    }
                }
            }
            Files.createDirectories(rowsDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare snapshot directory " + rowsDir, e);
        }
    }

    private static List<String> tables(Connection connection, String schema) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT c.relname FROM pg_class c JOIN pg_namespace n"
                + " ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relkind IN ('r', 'p') AND NOT c.relispartition"
                + " ORDER BY c.relname COLLATE \"C\"")) {
            query.setString(1, schema);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    names.add(result.getString(1));
                }
            }
        }
        return names;
    }

    private static Snapshot.Table table(Connection connection, SnapshotRequest request, String table) throws SQLException {
        Map<String, String> columnTypes = columns(connection, request.schema(), table);
        List<String> key = primaryKey(connection, request.schema(), table);
        List<String> hashed = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        List<String> fresh = new ArrayList<>();
        List<String> earlierColumns = request.earlier() == null ? null
                : request.earlier().table(table).map(Snapshot.Table::columns).orElse(null);
        for (String column : columnTypes.keySet()) {
            if (request.exclusions().excludesColumn(table, column)) {
                excluded.add(column);
            } else if (earlierColumns != null && !earlierColumns.contains(column)) {
                fresh.add(column);
            } else {
                hashed.add(column);
            }
        }
        List<String> missing = earlierColumns == null ? List.of()
                : earlierColumns.stream().filter(column -> !columnTypes.containsKey(column)).toList();
        String from = Identifiers.quote(request.schema()) + "." + Identifiers.quote(table);
        String tagged = request.exclusions().taggedRowCondition(table);
        String rowText = hashed.isEmpty() ? "''" : "ROW(" + String.join(", ", hashed.stream().map(Identifiers::quote).toList()) + ")::text";
        String hash = "('x' || substr(md5(" + rowText + "), 1, 16))::bit(64)::bigint";
        List<String> select = new ArrayList<>();
        List<String> order = new ArrayList<>();
        List<Boolean> integer = new ArrayList<>();
        if (key.isEmpty()) {
            // no primary key: rows are keyed by their content, so a changed row shows as one lost and one added
            select.add("md5(" + rowText + ")");
            order.add("1 COLLATE \"C\"");
            integer.add(false);
        }
        for (String column : key) {
            boolean isInteger = INTEGER_TYPES.contains(columnTypes.get(column));
            select.add(isInteger ? Identifiers.quote(column) : Identifiers.quote(column) + "::text");
            order.add(isInteger ? Identifiers.quote(column) : Identifiers.quote(column) + "::text COLLATE \"C\"");
            integer.add(isInteger);
        }
        String sql = "SELECT " + String.join(", ", select) + ", " + hash + " FROM " + from
                + (tagged == null ? "" : " WHERE NOT " + tagged) + " ORDER BY " + String.join(", ", order);
        long taggedRows = tagged == null ? 0 : count(connection, "SELECT count(*) FROM " + from + " WHERE " + tagged);
        Path rowFile = request.rowsDir().resolve(fileName(table));
        TableHasher hasher = new TableHasher(request.chunkRows(), request.rowDetailLimit(), rowFile);
        try (Statement statement = connection.createStatement()) {
            statement.setFetchSize(FETCH_SIZE);
            try (ResultSet result = statement.executeQuery(sql)) {
                int keyColumns = select.size();
                while (result.next()) {
                    List<Object> values = new ArrayList<>(keyColumns);
                    for (int i = 0; i < keyColumns; i++) {
                        if (integer.get(i)) {
                            long value = result.getLong(i + 1);
                            values.add(result.wasNull() ? null : value);
                        } else {
                            values.add(result.getString(i + 1));
                        }
                    }
                    hasher.add(new RowKey(values), result.getLong(keyColumns + 1));
                }
            }
        } finally {
            hasher.close();
        }
        return new Snapshot.Table(table, key, hashed, excluded, fresh, missing, hasher.rows(), taggedRows, hasher.digest(),
                hasher.keptRowFile() ? rowFile.toString() : null, hasher.chunks());
    }

    private static String fileName(String table) {
        return table.replaceAll("[^A-Za-z0-9_.-]", "_") + "-" + Integer.toHexString(table.hashCode()) + ".bin.gz";
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            return result.next() ? result.getLong(1) : 0;
        }
    }

    private static Map<String, String> columns(Connection connection, String schema, String table) throws SQLException {
        Map<String, String> columns = new LinkedHashMap<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT a.attname, t.typname FROM pg_attribute a"
                + " JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " JOIN pg_type t ON t.oid = a.atttypid"
                + " WHERE n.nspname = ? AND c.relname = ? AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum")) {
            query.setString(1, schema);
            query.setString(2, table);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    columns.put(result.getString(1), result.getString(2));
                }
            }
        }
        return columns;
    }

    private static List<String> primaryKey(Connection connection, String schema, String table) throws SQLException {
        List<String> key = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT a.attname FROM pg_index i"
                + " JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, position) ON true"
                + " JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum"
                + " WHERE n.nspname = ? AND c.relname = ? AND i.indisprimary ORDER BY k.position")) {
            query.setString(1, schema);
            query.setString(2, table);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    key.add(result.getString(1));
                }
            }
        }
        return key;
    }
}
