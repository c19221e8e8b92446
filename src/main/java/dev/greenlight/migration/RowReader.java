package dev.greenlight.migration;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Streams a snapshot row file, (key, row hash) in key order, one row in memory at a time. */
final class RowReader implements AutoCloseable {

    private final DataInputStream in;
    private final Path file;
    private RowKey key;
    private long hash;
    private boolean done;

    RowReader(Path file) {
        this.file = file;
        try {
            this.in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(Files.newInputStream(file), 1 << 16), 1 << 16));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read snapshot row file " + file, e);
        }
        advance();
    }

    boolean hasRow() {
        return !done;
    }

    RowKey key() {
        return key;
    }

    long hash() {
        return hash;
    }

    void advance() {
        try {
            if (!in.readBoolean()) {
                done = true;
                key = null;
                return;
            }
            key = RowKey.read(in);
            hash = in.readLong();
        } catch (IOException e) {
            throw new UncheckedIOException("snapshot row file " + file + " is truncated or corrupt", e);
        }
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            // read-only file
        }
    }
}
