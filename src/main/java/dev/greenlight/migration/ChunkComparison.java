package dev.greenlight.migration;

import java.util.ArrayList;
import java.util.List;

/**
 * Comparison of two tables by their content-defined chunks, for tables too big to keep row detail. Chunks that
 * start at the same key and hash the same are equal; the rest are grouped into the smallest key ranges where the
 * two chunkings realign, reported with their row counts on each side. Net row loss or gain is exact; which rows
 * changed is known only to the range.
 */
final class ChunkComparison {

    private ChunkComparison() {
    }

    static SnapshotDiff.TableDiff compare(Snapshot.Table before, Snapshot.Table after) {
        List<Snapshot.Chunk> a = before.chunks();
        List<Snapshot.Chunk> b = after.chunks();
        List<SnapshotDiff.KeyRange> ranges = new ArrayList<>();
        long differing = 0;
        long leftOut = 0;
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && same(a.get(i), b.get(j))) {
                i++;
                j++;
                continue;
            }
            RowKey first = null;
            RowKey end = null;
            long rowsBefore = 0;
            long rowsAfter = 0;
            boolean grew = true;
            while (grew) {
                grew = false;
                if (i < a.size() && (end == null || key(a.get(i).first()).compareTo(end) <= 0)
                        && (end != null || j >= b.size() || key(a.get(i).first()).compareTo(key(b.get(j).first())) <= 0)) {
                    first = min(first, key(a.get(i).first()));
                    end = max(end, key(a.get(i).last()));
                    rowsBefore += a.get(i++).rows();
                    grew = true;
                }
                if (j < b.size() && (end == null || key(b.get(j).first()).compareTo(end) <= 0)) {
                    first = min(first, key(b.get(j).first()));
                    end = max(end, key(b.get(j).last()));
                    rowsAfter += b.get(j++).rows();
                    grew = true;
                }
            }
            differing += Math.max(rowsBefore, rowsAfter);
            if (ranges.size() < SnapshotDiff.TableDiff.MAX_RANGES) {
                ranges.add(new SnapshotDiff.KeyRange(SnapshotDiff.Kind.DIFFERS, String.valueOf(first), String.valueOf(end), rowsBefore, rowsAfter));
            } else {
                leftOut++;
            }
        }
        long lost = Math.max(0, before.rows() - after.rows());
        long added = Math.max(0, after.rows() - before.rows());
        return new SnapshotDiff.TableDiff(before.name(), before.primaryKey(), before.rows(), after.rows(), lost,
                Math.max(0, differing - lost - added), added, false, List.copyOf(ranges), leftOut);
    }

    private static boolean same(Snapshot.Chunk x, Snapshot.Chunk y) {
        return x.rows() == y.rows() && x.hash().equals(y.hash()) && key(x.first()).equals(key(y.first()));
    }

    private static RowKey key(List<Object> json) {
        return RowKey.fromJson(json);
    }

    private static RowKey min(RowKey current, RowKey candidate) {
        return current == null || candidate.compareTo(current) < 0 ? candidate : current;
    }

    private static RowKey max(RowKey current, RowKey candidate) {
        return current == null || candidate.compareTo(current) > 0 ? candidate : current;
    }
}
