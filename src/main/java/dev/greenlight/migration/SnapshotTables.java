package dev.greenlight.migration;

/** The reviewer's table of row counts and content checksums per table, before and after the deploy. */
public final class SnapshotTables {

    private SnapshotTables() {
    }

    /** One line per table of {@code before}: rows before and after, Greenlight's rows left out, digests; then what was left out. */
    public static String render(Snapshot before, Snapshot after) {
        StringBuilder out = new StringBuilder(String.format("%-28s %12s %12s %10s  %-18s %-18s%n", "table", "rows before",
                "rows after", "gl rows", "checksum before", "checksum after"));
        for (Snapshot.Table table : before.tables()) {
            Snapshot.Table later = after.table(table.name()).orElse(null);
            out.append(String.format("%-28s %12d %12s %10s  %-18s %-18s%n", table.name(), table.rows(),
                    later == null ? "(gone)" : String.valueOf(later.rows()), later == null ? "-" : String.valueOf(later.taggedRows()),
                    table.digest().substring(0, 16), later == null ? "-" : later.digest().substring(0, 16)));
        }
        out.append("\nTaken ").append(before.takenAt()).append(" and ").append(after.takenAt()).append(" on ").append(before.database())
                .append(" (PostgreSQL ").append(before.serverVersion()).append("), schema ").append(before.schema())
                .append(".\nLeft out: ").append(before.exclusions()).append('\n');
        return out.toString();
    }
}
