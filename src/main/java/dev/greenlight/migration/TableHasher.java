package dev.greenlight.migration;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Folds one table's (key, row hash) stream, in key order, into a digest, content-defined chunks and — until the
 * row-detail limit — a gzip row file. Holds one chunk's state at a time, never the rows.
 */
final class TableHasher implements AutoCloseable {

    private final int chunkRows;
    private final long rowDetailLimit;
    private final Path rowFile;
    private final MessageDigest digest;
    private final List<Snapshot.Chunk> chunks = new ArrayList<>();
    private DataOutputStream out;
    private boolean keepRowFile = true;
    private long rows;
    private RowKey chunkFirst;
    private RowKey chunkLast;
    private long chunkCount;
    private long chunkHash;

    TableHasher(int chunkRows, long rowDetailLimit, Path rowFile) {
        this.chunkRows = chunkRows;
        this.rowDetailLimit = rowDetailLimit;
        this.rowFile = rowFile;
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
            this.out = new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(Files.newOutputStream(rowFile), 1 << 16), 1 << 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write snapshot row file " + rowFile, e);
        }
    }

    void add(RowKey key, long rowHash) {
        long boundary = key.boundaryHash();
        if (chunkCount > 0 && (Long.remainderUnsigned(boundary, chunkRows) == 0 || chunkCount >= 4L * chunkRows)) {
            closeChunk();
        }
        if (chunkCount == 0) {
            chunkFirst = key;
            chunkHash = 0x9E3779B97F4A7C15L;
        }
        chunkLast = key;
        chunkCount++;
        chunkHash = mix(chunkHash * 31 + (rowHash ^ boundary));
        digest.update(key.toString().getBytes(StandardCharsets.UTF_8));
        for (int shift = 56; shift >= 0; shift -= 8) {
            digest.update((byte) (rowHash >>> shift));
        }
        rows++;
        writeRow(key, rowHash);
    }

    private void writeRow(RowKey key, long rowHash) {
        if (!keepRowFile) {
            return;
        }
        if (rows > rowDetailLimit) {
            keepRowFile = false;
            closeOut();
            try {
                Files.deleteIfExists(rowFile);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + rowFile, e);
            }
            return;
        }
        try {
            out.writeBoolean(true);
            key.write(out);
            out.writeLong(rowHash);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write snapshot row file " + rowFile, e);
        }
    }

    private void closeChunk() {
        chunks.add(new Snapshot.Chunk(chunkFirst.values(), chunkLast.values(), chunkCount, HexFormat.of().toHexDigits(chunkHash)));
        chunkCount = 0;
    }

    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }

    long rows() {
        return rows;
    }

    String digest() {
        return HexFormat.of().formatHex(digest.digest());
    }

    List<Snapshot.Chunk> chunks() {
        return List.copyOf(chunks);
    }

    boolean keptRowFile() {
        return keepRowFile;
    }

    @Override
    public void close() {
        if (chunkCount > 0) {
            closeChunk();
        }
        if (keepRowFile && out != null) {
            try {
                out.writeBoolean(false);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write snapshot row file " + rowFile, e);
            }
        }
        closeOut();
    }

    private void closeOut() {
        if (out == null) {
            return;
        }
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close snapshot row file " + rowFile, e);
        } finally {
            out = null;
        }
    }
}
