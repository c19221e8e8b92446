package dev.greenlight.migration;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A data-integrity snapshot of one database schema: per table, the row count, a digest of the content in
 * primary-key order and content-defined chunks (first key, last key, rows, hash) that localise differences even
 * without row detail; plus, up to a size limit, a gzip row file of (primary key, 64-bit row hash) pairs that lets a
 * comparison name every lost, changed and added row. Saved as {@code <label>.json} beside {@code <label>.rows/}.
 *
 * @param label         e.g. {@code pre-deploy}
 * @param target        the target it was taken on
 * @param takenAt       when
 * @param database      the database, URL with credentials masked
 * @param serverVersion PostgreSQL's {@code server_version}
 * @param schema        the schema read
 * @param exclusions    what was left out, in words
 * @param chunkRows     the average chunk size in rows
 * @param tables        one entry per table, by name
 */
public record Snapshot(String label, String target, Instant takenAt, String database, String serverVersion, String schema,
                       String exclusions, int chunkRows, List<Table> tables) {

    public Snapshot {
        tables = List.copyOf(tables);
    }

    /**
     * One table.
     *
     * @param name            table name
     * @param primaryKey      key columns, in key order; empty for a table without one (rows are then keyed by content)
     * @param columns         columns whose content is hashed, in table order
     * @param excludedColumns columns left out by configuration
     * @param newColumns      columns that exist but were not hashed because the earlier snapshot it is compared with lacks them
     * @param missingColumns  columns of the earlier snapshot this table no longer has
     * @param rows            rows hashed (Greenlight's own rows not counted)
     * @param taggedRows      rows left out because they carry Greenlight's run tag
     * @param digest          SHA-256 over every (key, row hash) in key order
     * @param rowFile         the row file, or null when the table exceeded the row-detail limit
     * @param chunks          content-defined chunks, in key order
     */
    public record Table(String name, List<String> primaryKey, List<String> columns, List<String> excludedColumns,
                        List<String> newColumns, List<String> missingColumns, long rows, long taggedRows, String digest,
                        String rowFile, List<Chunk> chunks) {

        public Table {
            primaryKey = List.copyOf(primaryKey);
            columns = List.copyOf(columns);
            excludedColumns = excludedColumns == null ? List.of() : List.copyOf(excludedColumns);
            newColumns = newColumns == null ? List.of() : List.copyOf(newColumns);
            missingColumns = missingColumns == null ? List.of() : List.copyOf(missingColumns);
            chunks = List.copyOf(chunks);
        }

        /** The same table with its row file resolved against {@code dir} (or made relative to it, to save). */
        Table withRowFile(String path) {
            return new Table(name, primaryKey, columns, excludedColumns, newColumns, missingColumns, rows, taggedRows,
                    digest, path, chunks);
        }
    }

    /**
     * A run of consecutive rows in key order; boundaries depend on key values only, so inserting or deleting a
     * row changes one chunk, not every later one.
     *
     * @param first the first key (JSON: one value per key column)
     * @param last  the last key
     * @param rows  rows in the chunk
     * @param hash  64-bit hash of the chunk's keys and row hashes, hex
     */
    public record Chunk(List<Object> first, List<Object> last, long rows, String hash) {
    }

    public Optional<Table> table(String name) {
        return tables.stream().filter(table -> table.name().equals(name)).findFirst();
    }

    /** Rows in all tables. */
    public long totalRows() {
        return tables.stream().mapToLong(Table::rows).sum();
    }

    /** The same snapshot with every row file resolved against {@code dir}. */
    Snapshot resolvedAgainst(Path dir) {
        return withTables(tables.stream().map(table -> table.rowFile() == null ? table
                : table.withRowFile(dir.resolve(table.rowFile()).toString())).toList());
    }

    /** The same snapshot with every row file relative to {@code dir}. */
    Snapshot relativeTo(Path dir) {
        Path base = dir.toAbsolutePath().normalize();
        return withTables(tables.stream().map(table -> table.rowFile() == null ? table
                : table.withRowFile(base.relativize(Path.of(table.rowFile()).toAbsolutePath().normalize()).toString())).toList());
    }

    private Snapshot withTables(List<Table> newTables) {
        return new Snapshot(label, target, takenAt, database, serverVersion, schema, exclusions, chunkRows, newTables);
    }
}
