package dev.greenlight.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * The shape of one schema as PostgreSQL's catalog describes it — tables, columns (type, nullability,
 * default), constraints (primary, unique, foreign, check, exclusion) and indexes — each rendered the way
 * PostgreSQL prints it, without the schema name, so two databases compare line by line.
 *
 * @param objects object key (e.g. {@code column "Post"."title"}) → its definition, sorted by key
 */
public record SchemaCatalog(Map<String, String> objects) {

    /**
     * Reads {@code schema}, leaving out {@code ignoredTables} (e.g. {@code _prisma_migrations}). Only reads; works on
     * a read-only session.
     */
    public static SchemaCatalog read(Connection connection, String schema, Collection<String> ignoredTables) throws SQLException {
        Map<String, String> objects = new TreeMap<>();
        String previousPath;
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery("SHOW search_path")) {
            result.next();
            previousPath = result.getString(1);
        }
        // with the schema on the search path PostgreSQL prints names unqualified, so two schemas compare equal
        // (index definitions are always qualified: the query strips the schema from them)
        setSearchPath(connection, Identifiers.quote(schema));
        try {
            query(connection, schema, """
                    SELECT c.relname, 'table', c.relkind::text
                    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE n.nspname = ? AND c.relkind IN ('r', 'p')""", ignoredTables, objects, "table %s");
            query(connection, schema, """
                    SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod)
                           || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE ' NULL' END
                           || COALESCE(' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid), '')
                    FROM pg_attribute a
                    JOIN pg_class c ON c.oid = a.attrelid
                    JOIN pg_namespace n ON n.oid = c.relnamespace
                    LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                    WHERE n.nspname = ? AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped""",
                    ignoredTables, objects, "column %s.%s");
            query(connection, schema, """
                    SELECT c.relname, con.conname, pg_get_constraintdef(con.oid)
                    FROM pg_constraint con
                    JOIN pg_class c ON c.oid = con.conrelid
                    JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE n.nspname = ? AND con.contype IN ('p', 'u', 'f', 'c', 'x')""",
                    ignoredTables, objects, "constraint %s.%s");
            query(connection, schema, """
                    SELECT t.relname, i.relname, replace(pg_get_indexdef(i.oid), ' ON ' || quote_ident(n.nspname) || '.', ' ON ')
                    FROM pg_index x
                    JOIN pg_class i ON i.oid = x.indexrelid
                    JOIN pg_class t ON t.oid = x.indrelid
                    JOIN pg_namespace n ON n.oid = t.relnamespace
                    WHERE n.nspname = ?""", ignoredTables, objects, "index %s.%s");
        } finally {
            setSearchPath(connection, previousPath);
        }
        return new SchemaCatalog(Map.copyOf(objects));
    }

    private static void query(Connection connection, String schema, String sql, Collection<String> ignoredTables,
                              Map<String, String> objects, String keyFormat) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, schema);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    String table = result.getString(1);
                    if (ignoredTables.contains(table)) {
                        continue;
                    }
                    String key = String.format(keyFormat, Identifiers.quote(table), Identifiers.quote(result.getString(2)));
                    objects.put(key, keyFormat.startsWith("table") ? "table" : result.getString(3));
                }
            }
        }
    }

    private static void setSearchPath(Connection connection, String path) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET search_path TO " + (path == null || path.isBlank() ? "public" : path));
        }
    }

    /** How many tables, columns, constraints and indexes were read. */
    public int size() {
        return objects.size();
    }
}
