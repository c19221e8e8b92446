package dev.greenlight.migration;

import java.util.ArrayList;
import java.util.List;

/**
 * Row-by-row comparison of two tables' row files: a merge of two key-ordered streams, so it runs in one pass
 * with one row per side in memory. Consecutive rows with the same fate are reported as one key range.
 */
final class RowComparison {

    private final List<SnapshotDiff.KeyRange> ranges = new ArrayList<>();
    private long rangesLeftOut;
    private SnapshotDiff.Kind openKind;
    private RowKey openFirst;
    private RowKey openLast;
    private long openRows;
    private long lost;
    private long changed;
    private long added;

    private RowComparison() {
    }

    static SnapshotDiff.TableDiff compare(Snapshot.Table before, Snapshot.Table after) {
        RowComparison comparison = new RowComparison();
        try (RowReader a = new RowReader(java.nio.file.Path.of(before.rowFile()));
             RowReader b = new RowReader(java.nio.file.Path.of(after.rowFile()))) {
            while (a.hasRow() || b.hasRow()) {
                int order = !a.hasRow() ? 1 : !b.hasRow() ? -1 : a.key().compareTo(b.key());
                if (order < 0) {
                    comparison.event(SnapshotDiff.Kind.LOST, a.key());
                    a.advance();
                } else if (order > 0) {
                    comparison.event(SnapshotDiff.Kind.ADDED, b.key());
                    b.advance();
                } else {
                    if (a.hash() != b.hash()) {
                        comparison.event(SnapshotDiff.Kind.CHANGED, a.key());
                    } else {
                        comparison.close();
                    }
                    a.advance();
                    b.advance();
                }
            }
        }
        comparison.close();
        return new SnapshotDiff.TableDiff(before.name(), before.primaryKey(), before.rows(), after.rows(), comparison.lost,
                comparison.changed, comparison.added, true, List.copyOf(comparison.ranges), comparison.rangesLeftOut);
    }

    private void event(SnapshotDiff.Kind kind, RowKey key) {
        switch (kind) {
            case LOST -> lost++;
            case CHANGED -> changed++;
            default -> added++;
        }
        if (openKind != kind) {
            close();
            openKind = kind;
            openFirst = key;
            openRows = 0;
        }
        openLast = key;
        openRows++;
    }

    private void close() {
        if (openKind == null) {
            return;
        }
        if (ranges.size() < SnapshotDiff.TableDiff.MAX_RANGES) {
            long before = openKind == SnapshotDiff.Kind.ADDED ? 0 : openRows;
            long after = openKind == SnapshotDiff.Kind.LOST ? 0 : openRows;
            ranges.add(new SnapshotDiff.KeyRange(openKind, openFirst.toString(), openLast.toString(), before, after));
        } else {
            rangesLeftOut++;
        }
        openKind = null;
    }
}
