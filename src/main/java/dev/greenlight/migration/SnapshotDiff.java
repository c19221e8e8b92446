package dev.greenlight.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What changed in the data between two snapshots (e.g. {@code pre-deploy} and {@code post-deploy}): per table,
 * rows lost, changed and added, and the primary-key ranges where they are. Exact wherever both snapshots kept row
 * detail; otherwise localised to chunk key ranges, with an upper bound of the rows affected.
 *
 * @param before the earlier snapshot's label
 * @param after  the later snapshot's label
 * @param tables one entry per table compared
 * @param notes  tables or columns that appeared or disappeared, and other things a reviewer should know
 */
public record SnapshotDiff(String before, String after, List<TableDiff> tables, List<String> notes) {

    /** What happened to a run of rows. */
    public enum Kind { LOST, CHANGED, ADDED, DIFFERS }

    /**
     * Consecutive rows, in key order, with the same fate.
     *
     * @param kind       lost, changed, added; or differs (chunk-level comparison: rows in the range differ somehow)
     * @param first      first key of the range
     * @param last       last key of the range
     * @param rowsBefore rows of the range in the earlier snapshot
     * @param rowsAfter  rows of the range in the later snapshot
     */
    public record KeyRange(Kind kind, String first, String last, long rowsBefore, long rowsAfter) {

        /** {@code lost id 17..42 (3 rows)}. */
        public String describe(List<String> keyColumns) {
            String key = keyColumns.isEmpty() ? "row-hash" : keyColumns.size() == 1 ? keyColumns.get(0) : "(" + String.join(", ", keyColumns) + ")";
            String span = first.equals(last) ? key + " " + first : key + " " + first + ".." + last;
            long rows = kind == Kind.ADDED ? rowsAfter : rowsBefore;
            return switch (kind) {
                case DIFFERS -> "differs " + span + " (" + rowsBefore + " rows before, " + rowsAfter + " after)";
                default -> kind.name().toLowerCase() + " " + span + " (" + rows + (rows == 1 ? " row)" : " rows)");
            };
        }
    }

    /**
     * One table's comparison.
     *
     * @param table         table name
     * @param primaryKey    its key columns
     * @param rowsBefore    rows in the earlier snapshot
     * @param rowsAfter     rows in the later snapshot
     * @param lost          rows gone (exact), or in a chunk-level comparison the net loss
     * @param changed       rows whose content changed (exact), or in a chunk-level comparison the rows in differing ranges
     * @param added         rows new (exact), or in a chunk-level comparison the net gain
     * @param exact         whether both sides had row detail
     * @param ranges        where, in key order (at most {@value #MAX_RANGES})
     * @param rangesLeftOut ranges not listed once the list was full
     */
    public record TableDiff(String table, List<String> primaryKey, long rowsBefore, long rowsAfter, long lost, long changed,
                            long added, boolean exact, List<KeyRange> ranges, long rangesLeftOut) {

        /** At most this many ranges are kept per table. */
        public static final int MAX_RANGES = 50;

        public boolean identical() {
            return lost == 0 && changed == 0 && added == 0 && ranges.isEmpty();
        }

        /** {@code Post: 1 row lost (id 42), 4 rows changed (id 7, id 19..20, ...)}. */
        public String summary() {
            List<String> parts = new ArrayList<>();
            for (Kind kind : Kind.values()) {
                List<String> where = ranges.stream().filter(range -> range.kind() == kind)
                        .map(range -> range.describe(primaryKey)).toList();
                long count = switch (kind) {
                    case LOST -> lost;
                    case CHANGED -> exact ? changed : 0;
                    case ADDED -> added;
                    case DIFFERS -> exact ? 0 : changed;
                };
                if (count > 0 || !where.isEmpty()) {
                    parts.add(count + " " + (kind == Kind.DIFFERS ? "rows in differing ranges" : "rows " + kind.name().toLowerCase())
                            + (where.isEmpty() ? "" : ": " + String.join(", ", where)));
                }
            }
            return table + ": " + (parts.isEmpty() ? "identical" : String.join("; ", parts))
                    + (rangesLeftOut > 0 ? " (and " + rangesLeftOut + " more ranges)" : "");
        }
    }

    /**
     * Compares {@code before} with {@code after}, leaving out what {@code exclusions} names. Streams both row
     * files side by side in key order: memory stays bounded by one row per side plus the listed ranges.
     */
    public static SnapshotDiff compare(Snapshot before, Snapshot after, Exclusions exclusions) {
        List<TableDiff> tables = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Snapshot.Table earlier : before.tables()) {
            if (exclusions.excludesTable(earlier.name())) {
                continue;
            }
            Snapshot.Table later = after.table(earlier.name()).orElse(null);
            if (later == null) {
                notes.add("table " + earlier.name() + " is gone: its " + earlier.rows() + " rows are lost");
                tables.add(new TableDiff(earlier.name(), earlier.primaryKey(), earlier.rows(), 0, earlier.rows(), 0, 0, true,
                        List.of(), 0));
                continue;
            }
            later.newColumns().forEach(column -> notes.add("column " + earlier.name() + "." + column
                    + " is new since '" + before.label() + "'; not compared (add it to migrations.exclude if intended)"));
            later.missingColumns().forEach(column -> notes.add("column " + earlier.name() + "." + column
                    + " is gone since '" + before.label() + "': its data is lost, so every row counts as changed"));
            if (later.missingColumns().isEmpty() && !earlier.columns().equals(later.columns())) {
                notes.add("table " + earlier.name() + " was hashed over different columns in the two snapshots "
                        + earlier.columns() + " vs " + later.columns() + "; take the later one with comparedWith(earlier)");
            }
            tables.add(compareTable(earlier, later));
        }
        for (Snapshot.Table later : after.tables()) {
            if (before.table(later.name()).isEmpty() && !exclusions.excludesTable(later.name())) {
                notes.add("table " + later.name() + " is new since '" + before.label() + "' (" + later.rows() + " rows); not compared");
            }
        }
        return new SnapshotDiff(before.label(), after.label(), List.copyOf(tables), List.copyOf(notes));
    }

    private static TableDiff compareTable(Snapshot.Table before, Snapshot.Table after) {
        if (Objects.equals(before.digest(), after.digest()) && before.rows() == after.rows()
                && before.columns().equals(after.columns())) {
            return new TableDiff(before.name(), before.primaryKey(), before.rows(), after.rows(), 0, 0, 0, true, List.of(), 0);
        }
        if (before.rowFile() != null && after.rowFile() != null) {
            return RowComparison.compare(before, after);
        }
        return ChunkComparison.compare(before, after);
    }

    public long rowsLost() {
        return tables.stream().mapToLong(TableDiff::lost).sum();
    }

    public long rowsChanged() {
        return tables.stream().mapToLong(TableDiff::changed).sum();
    }

    public long rowsAdded() {
        return tables.stream().mapToLong(TableDiff::added).sum();
    }

    /** Rows looked at: every row of the earlier snapshot in the tables compared. */
    public long rowsCompared() {
        return tables.stream().mapToLong(TableDiff::rowsBefore).sum();
    }

    /** Tables with lost or changed rows (added rows alone are not damage). */
    public List<TableDiff> damaged() {
        return tables.stream().filter(table -> table.lost() > 0 || table.changed() > 0).toList();
    }

    /** One line per table with its counts, then the ranges and notes: the attachment a reviewer reads. */
    public String render() {
        StringBuilder out = new StringBuilder();
        out.append("Snapshot '").append(before).append("' compared with '").append(after).append("'\n\n");
        out.append(String.format("%-32s %12s %12s %8s %8s %8s  %s%n", "table", "rows before", "rows after", "lost", "changed", "added", "comparison"));
        for (TableDiff table : tables) {
            out.append(String.format("%-32s %12d %12d %8d %8d %8d  %s%n", table.table(), table.rowsBefore(), table.rowsAfter(),
                    table.lost(), table.changed(), table.added(), table.exact() ? "row by row" : "by chunk (no row detail)"));
        }
        out.append('\n');
        tables.stream().filter(table -> !table.identical()).forEach(table -> out.append(table.summary()).append('\n'));
        notes.forEach(note -> out.append("note: ").append(note).append('\n'));
        return out.toString();
    }
}
