package dev.greenlight.migration;

import org.postgresql.PGConnection;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads the tables of a {@link CopyArchive} into a database in one transaction: checks that every table and column
 * is there, empties the tables, streams each one's {@code COPY} text in, parents before children (so foreign keys
 * hold without superuser rights; as superuser, triggers are also off while loading), and moves the sequences past
 * the loaded keys. Bounded by statement and lock timeouts, so a restore never waits forever on a busy table.
 */
final class TableLoad {

    /** Opens one stored entry of the archive. */
    @FunctionalInterface
    interface Entries {
        InputStream open(String entry) throws IOException;
    }

    private TableLoad() {
    }

    /**
     * Loads every table of {@code manifest}.
     *
     * @param lenient true for a freshly rebuilt database: a table or column the schema lacks is a warning and is
     *                skipped; false for an existing database: it refuses before changing anything
     * @return rows loaded
     */
    static long load(Connection target, CopyArchive.Manifest manifest, Entries entries, Duration timeout, boolean lenient,
                     List<String> warnings) throws SQLException, IOException {
        String schema = manifest.schema();
        target.setAutoCommit(false);
        try {
            try (Statement statement = target.createStatement()) {
                statement.execute("SET LOCAL statement_timeout = " + Math.max(1, timeout.toMillis()));
                statement.execute("SET LOCAL lock_timeout = " + Math.max(1, Math.min(timeout.toMillis(), 30_000)));
            }
            Map<String, List<String>> load = plan(target, manifest, lenient, warnings);
            if (load.isEmpty()) {
                target.rollback();
                return 0;
            }
            try (Statement statement = target.createStatement()) {
                statement.execute("TRUNCATE " + String.join(", ", load.keySet().stream().map(t -> qualified(schema, t)).toList()));
                if (superuser(target)) {
                    statement.execute("SET LOCAL session_replication_role = replica");
                }
            }
            Map<String, String> entryOf = new LinkedHashMap<>();
            manifest.tables().forEach(table -> entryOf.put(table.name(), table.entry()));
            long rows = 0;
            for (String table : parentsFirst(target, schema, load.keySet())) {
                String columns = String.join(", ", load.get(table).stream().map(Identifiers::quote).toList());
                try (InputStream in = entries.open(entryOf.get(table))) {
                    rows += target.unwrap(PGConnection.class).getCopyAPI()
                            .copyIn("COPY " + qualified(schema, table) + " (" + columns + ") FROM STDIN", in);
                }
            }
            JdbcCopy.resetSequences(target, schema);
            target.commit();
            return rows;
        } catch (SQLException | IOException | RuntimeException e) {
            target.rollback();
            throw e;
        } finally {
            target.setAutoCommit(true);
        }
    }

    /** The tables to load and their columns, in archive order; refuses (or, lenient, skips) what the schema lacks. */
    private static Map<String, List<String>> plan(Connection target, CopyArchive.Manifest manifest, boolean lenient,
                                                  List<String> warnings) throws SQLException {
        Map<String, List<String>> load = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (CopyArchive.TableEntry table : manifest.tables()) {
            List<String> present = JdbcCopy.columns(target, manifest.schema(), table.name());
            if (present.isEmpty()) {
                problems.add("table " + table.name() + " (" + table.rows() + " rows in the backup) does not exist");
                continue;
            }
            List<String> missing = table.columns().stream().filter(column -> !present.contains(column)).toList();
            missing.forEach(column -> problems.add("column " + table.name() + "." + column + " does not exist"));
            load.put(table.name(), table.columns().stream().filter(present::contains).toList());
        }
        if (!problems.isEmpty() && !lenient) {
            throw new IllegalStateException("the database's schema " + manifest.schema() + " does not match the backup: "
                    + String.join("; ", problems) + ". Nothing was restored");
        }
        problems.forEach(problem -> warnings.add(problem + " after rebuilding the schema: not restored"));
        return load;
    }

    /** {@code tables} ordered so that a table comes after every table it references (cycles keep name order). */
    static List<String> parentsFirst(Connection connection, String schema, Set<String> tables) throws SQLException {
        Map<String, Set<String>> parents = new LinkedHashMap<>();
        tables.forEach(table -> parents.put(table, new LinkedHashSet<>()));
        try (PreparedStatement query = connection.prepareStatement("SELECT child.relname, parent.relname FROM pg_constraint k"
                + " JOIN pg_class child ON child.oid = k.conrelid JOIN pg_class parent ON parent.oid = k.confrelid"
                + " JOIN pg_namespace n ON n.oid = child.relnamespace WHERE k.contype = 'f' AND n.nspname = ?")) {
            query.setString(1, schema);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    String child = result.getString(1);
                    String parent = result.getString(2);
                    if (parents.containsKey(child) && tables.contains(parent) && !child.equals(parent)) {
                        parents.get(child).add(parent);
                    }
                }
            }
        }
        List<String> ordered = new ArrayList<>();
        for (int round = 0; round < tables.size() && ordered.size() < tables.size(); round++) {
            for (Map.Entry<String, Set<String>> entry : parents.entrySet()) {
                if (!ordered.contains(entry.getKey()) && ordered.containsAll(entry.getValue())) {
                    ordered.add(entry.getKey());
                }
            }
        }
        parents.keySet().stream().filter(table -> !ordered.contains(table)).forEach(ordered::add);
        return ordered;
    }

    private static boolean superuser(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery("SHOW is_superuser")) {
            return result.next() && "on".equals(result.getString(1));
        }
    }

    private static String qualified(String schema, String table) {
        return Identifiers.quote(schema) + "." + Identifiers.quote(table);
    }
}
