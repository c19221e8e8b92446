package dev.greenlight.migration;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.greenlight.evidence.EvidenceJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Saves and loads snapshots as {@code <label>.json} (row files in {@code <label>.rows/} beside it, referenced
 * relatively so the pair can be moved or archived together).
 */
public final class SnapshotStore {

    private static final ObjectMapper JSON = EvidenceJson.mapper();

    private SnapshotStore() {
    }

    /** Writes {@code snapshot} to {@code file} (atomically: a reader never sees half a snapshot). */
    public static Path save(Snapshot snapshot, Path file) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path partial = dir.resolve(file.getFileName() + ".partial");
            JSON.writerWithDefaultPrettyPrinter().writeValue(partial.toFile(), snapshot.relativeTo(dir));
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save snapshot " + file, e);
        }
    }

    /** Reads a snapshot saved by {@link #save}; its row files are looked up beside it. */
    public static Snapshot load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no snapshot at " + file);
        }
        try {
            Snapshot snapshot = JSON.readValue(file.toFile(), Snapshot.class);
            return snapshot.resolvedAgainst(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("snapshot " + file + " is not readable: " + e.getMessage(), e);
        }
    }
}
