package dev.greenlight.migration;

import java.nio.file.Path;

/**
 * What to snapshot and where to keep it.
 *
 * @param label          names the files: {@code <dir>/<label>.json} and {@code <dir>/<label>.rows/}
 * @param target         the target's name, recorded in the snapshot
 * @param database       the database, masked, recorded in the snapshot
 * @param schema         the schema to read, e.g. {@code public}
 * @param exclusions     tables, columns and Greenlight's own rows to leave out
 * @param dir            where row files go (and the JSON when saved)
 * @param chunkRows      average chunk size, in rows
 * @param rowDetailLimit tables with more rows keep chunks only, no row file
 * @param earlier        a snapshot this one will be compared with: only its columns are hashed; null hashes every column
 */
public record SnapshotRequest(String label, String target, String database, String schema, Exclusions exclusions, Path dir,
                              int chunkRows, long rowDetailLimit, Snapshot earlier) {

    /** Chunks of about 1,000 rows. */
    public static final int DEFAULT_CHUNK_ROWS = 1000;
    /** Row detail for tables up to 5 million rows (about 50 MB of gzip per 5 million rows). */
    public static final long DEFAULT_ROW_DETAIL_LIMIT = 5_000_000;

    public SnapshotRequest {
        if (label == null || !label.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")) {
            throw new IllegalArgumentException("snapshot label '" + label + "' must be letters, digits, '.', '_' or '-'");
        }
        schema = schema == null || schema.isBlank() ? "public" : schema;
        exclusions = exclusions == null ? Exclusions.none() : exclusions;
        chunkRows = chunkRows <= 0 ? DEFAULT_CHUNK_ROWS : chunkRows;
        rowDetailLimit = rowDetailLimit < 0 ? DEFAULT_ROW_DETAIL_LIMIT : rowDetailLimit;
    }

    /** A request with default chunking and row detail. */
    public static SnapshotRequest of(String label, String target, String database, String schema, Exclusions exclusions, Path dir) {
        return new SnapshotRequest(label, target, database, schema, exclusions, dir, DEFAULT_CHUNK_ROWS, DEFAULT_ROW_DETAIL_LIMIT, null);
    }

    /** The same request, hashing only the columns {@code earlier} hashed, so the two compare row by row. */
    public SnapshotRequest comparedWith(Snapshot snapshot) {
        return new SnapshotRequest(label, target, database, schema, exclusions, dir, chunkRows, rowDetailLimit, snapshot);
    }

    /** The same request with other chunk and row-detail sizes. */
    public SnapshotRequest sized(int rowsPerChunk, long detailLimit) {
        return new SnapshotRequest(label, target, database, schema, exclusions, dir, rowsPerChunk, detailLimit, earlier);
    }

    public Path json() {
        return dir.resolve(label + ".json");
    }

    public Path rowsDir() {
        return dir.resolve(label + ".rows");
    }
}
