package dev.greenlight.migration;

import dev.greenlight.config.ConfigException;

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
import java.util.stream.Stream;

/**
 * One folder of a Prisma {@code prisma/migrations} directory: {@code <timestamp>_<name>/migration.sql}, with the
 * checksum Prisma records for it (SHA-256, hex, of the file's bytes).
 *
 * @param name     the folder name, which is the {@code migration_name} Prisma records
 * @param script   the {@code migration.sql} file
 * @param checksum SHA-256 hex of the file's bytes
 */
public record MigrationFolder(String name, Path script, String checksum) {

    /** Reads every migration folder of {@code dir}, oldest first (Prisma orders by folder name). */
    public static List<MigrationFolder> readAll(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new ConfigException("migrations.dir: '" + dir + "' is not a directory; point it at the application's"
                    + " prisma/migrations directory (relative to where Greenlight runs, or absolute)");
        }
        List<MigrationFolder> folders = new ArrayList<>();
        try (Stream<Path> children = Files.list(dir)) {
            for (Path child : children.sorted().toList()) {
                Path script = child.resolve("migration.sql");
                if (Files.isDirectory(child) && Files.isRegularFile(script)) {
                    folders.add(new MigrationFolder(child.getFileName().toString(), script, sha256(Files.readAllBytes(script))));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read migrations directory " + dir, e);
        }
        if (folders.isEmpty()) {
            throw new ConfigException("migrations.dir: '" + dir + "' holds no <name>/migration.sql folder; is it the"
                    + " application's prisma/migrations directory?");
        }
        return List.copyOf(folders);
    }

    /** The SQL of this migration as text. */
    public String sql() {
        try {
            return Files.readString(script, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + script, e);
        }
    }

    /**
     * Whether {@code recorded} is this file's checksum once line endings are normalised. Prisma accepts a
     * file whose only change is CRLF against LF (a checkout on another OS), so such a file is not "edited".
     */
    public boolean matchesIgnoringLineEndings(String recorded) {
        try {
            String text = new String(Files.readAllBytes(script), StandardCharsets.UTF_8);
            String lf = text.replace("\r\n", "\n");
            String crlf = lf.replace("\n", "\r\n");
            return recorded.equalsIgnoreCase(sha256(lf.getBytes(StandardCharsets.UTF_8)))
                    || recorded.equalsIgnoreCase(sha256(crlf.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + script, e);
        }
    }

    /** SHA-256 of {@code bytes}, lower-case hex: Prisma's migration checksum. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
