package dev.greenlight.migration;

import dev.greenlight.config.DatabaseConfig;
import dev.greenlight.db.ReadOnlyDatabase;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A backup of the application's database in a file, taken through read-only sessions, with its size and SHA-256
 * recorded, and its restore: into an empty scratch database (to prove the backup restores) or over the configured
 * database itself (refused unless {@code database.allowDestructive} names it). {@code pg_dump}'s custom format where
 * this machine's {@code pg_dump} is at least the server's major version; otherwise Greenlight's own
 * {@link CopyArchive} (the migrations the database has applied plus every table as {@code COPY} text).
 */
public final class DatabaseBackup {

    /** How a backup is stored. */
    public enum Format {
        /** {@code pg_dump --format=custom}; restored with {@code pg_restore}. */
        PG_DUMP("pg_dump custom format"),
        /** {@link CopyArchive}: applied migrations plus {@code COPY} text per table, in a zip. */
        COPY_ARCHIVE("COPY over JDBC archive (" + CopyArchive.FORMAT + ")");

        private final String label;

        Format(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * A backup written.
     *
     * @param file     where it is
     * @param format   how it is stored
     * @param schema   the schema backed up
     * @param bytes    the file's size
     * @param sha256   the file's SHA-256, hex
     * @param tables   tables in it (-1 when pg_dump wrote it)
     * @param rows     rows in it (-1 when pg_dump wrote it)
     * @param took     how long writing took
     * @param note     why this format, for the report
     * @param warnings what it cannot reproduce
     */
    public record Backup(Path file, Format format, String schema, long bytes, String sha256, int tables, long rows,
                         Duration took, String note, List<String> warnings) {
    }

    /**
     * A restore done.
     *
     * @param method   {@code pg_restore} or {@code COPY over JDBC}
     * @param took     how long it took
     * @param rows     rows loaded (-1 when pg_restore did the work)
     * @param warnings what was not restored
     */
    public record Restore(String method, Duration took, long rows, List<String> warnings) {
    }

    private DatabaseBackup() {
    }

    /** Backs up {@code schema} of {@code source} into {@code dir}/{@code name}{@code .dump} or {@code .glcopy.zip}. */
    public static Backup write(ReadOnlyDatabase source, String schema, List<MigrationFolder> folders, Path dir, String name,
                               Duration timeout) {
        long start = System.nanoTime();
        try {
            Files.createDirectories(dir);
            int serverMajor = source.read("reading the server version", ScratchPostgres.ServerVersion::major);
            int dumpMajor = PgTools.majorVersion("pg_dump");
            String note;
            if (dumpMajor >= serverMajor) {
                Path dump = dir.resolve(name + ".dump");
                PgTools.Run run = PgTools.dump(source, schema, dump, List.of(), timeout);
                if (run.exit() == 0) {
                    return new Backup(dump, Format.PG_DUMP, schema, Files.size(dump), sha256(dump), -1, -1, since(start),
                            "pg_dump " + dumpMajor + " against PostgreSQL " + serverMajor, List.of());
                }
                Files.deleteIfExists(dump);
                note = "pg_dump failed (exit " + run.exit() + ": " + PgTools.firstLine(run.output()) + "); backed up with COPY over JDBC";
            } else if (dumpMajor < 0) {
                note = "pg_dump is not installed here; backed up with COPY over JDBC";
            } else {
                note = "pg_dump " + dumpMajor + " cannot dump a PostgreSQL " + serverMajor + " server (it refuses newer servers);"
                        + " backed up with COPY over JDBC into Greenlight's own archive";
            }
            Path archive = dir.resolve(name + ".glcopy.zip");
            MessageDigest digest = newDigest();
            CopyArchive.Manifest manifest;
            try (OutputStream out = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(archive)), digest)) {
                manifest = CopyArchive.write(source, schema, folders, out, timeout);
            }
            return new Backup(archive, Format.COPY_ARCHIVE, schema, Files.size(archive), HexFormat.of().formatHex(digest.digest()),
                    manifest.tables().size(), manifest.rows(), since(start), note, manifest.warnings());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the backup into " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Whether the file still has the SHA-256 recorded when it was written. */
    public static boolean intact(Backup backup) {
        return Files.isRegularFile(backup.file()) && backup.sha256().equals(sha256(backup.file()));
    }

    /**
     * Restores into an empty database (a scratch one): the only way to know a backup is good. Refuses the
     * configured application database unless {@code database.allowDestructive} names it.
     */
    public static Restore restoreIntoEmpty(Backup backup, CopyDestination destination, DatabaseConfig configured, Duration timeout) {
        destination.requireNotConfigured(configured);
        requireIntact(backup);
        long start = System.nanoTime();
        if (backup.format() == Format.PG_DUMP) {
            JdbcCopy.resetSchema(destination, backup.schema(), false);
            pgRestore(destination, backup.file(), List.of("--no-owner", "--no-privileges", "--exit-on-error"), timeout);
            return new Restore("pg_restore", since(start), -1, List.of());
        }
        List<String> warnings = new ArrayList<>();
        long rows = CopyArchive.restoreIntoEmpty(backup.file(), destination, timeout, warnings);
        return new Restore("COPY over JDBC", since(start), rows, List.copyOf(warnings));
    }

    /**
     * Restores over an existing database, in one transaction: its tables' rows are replaced by the backup's. For the
     * configured application database this is refused unless {@code database.allowDestructive} names it.
     */
    public static Restore restoreOver(Backup backup, CopyDestination destination, DatabaseConfig configured, Duration timeout) {
        destination.requireNotConfigured(configured);
        requireIntact(backup);
        long start = System.nanoTime();
        if (backup.format() == Format.PG_DUMP) {
            pgRestoreOver(destination, backup.file(), timeout);
            return new Restore("pg_restore --clean --single-transaction", since(start), -1, List.of());
        }
        List<String> warnings = new ArrayList<>();
        long rows = CopyArchive.restoreOver(backup.file(), destination, timeout, warnings);
        return new Restore("COPY over JDBC, one transaction", since(start), rows, List.copyOf(warnings));
    }

    /** Deletes the backup file; returns whether it existed. */
    public static boolean delete(Backup backup) {
        try {
            return Files.deleteIfExists(backup.file());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the backup " + backup.file() + ": " + e.getMessage(), e);
        }
    }

    private static void pgRestoreOver(CopyDestination destination, Path dump, Duration timeout) {
        try {
            PgTools.Run listed = PgTools.run(List.of("pg_restore", "--list", dump.toString()), java.util.Map.of(), timeout);
            if (listed.exit() != 0) {
                throw new IllegalStateException("pg_restore --list failed (exit " + listed.exit() + "): " + PgTools.firstLine(listed.output()));
            }
            // the schema itself stays: dropping it would take along whatever else lives in it
            List<String> items = listed.output().lines().filter(line -> !line.matches("^\\d+;\\s+\\d+\\s+\\d+\\s+SCHEMA\\s.*")).toList();
            Path list = Files.createTempFile("greenlight-restore", ".list");
            try {
                Files.writeString(list, String.join("\n", items) + "\n", StandardCharsets.UTF_8);
                pgRestore(destination, dump, List.of("--clean", "--if-exists", "--single-transaction", "--exit-on-error",
                        "--no-owner", "--use-list=" + list), timeout);
            } finally {
                Files.deleteIfExists(list);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("pg_restore could not run: " + e.getMessage(), e);
        }
    }

    private static void pgRestore(CopyDestination destination, Path dump, List<String> options, Duration timeout) {
        try {
            PgTools.Run run = PgTools.restore(destination, dump, options, timeout);
            if (run.exit() != 0) {
                throw new IllegalStateException("pg_restore into " + destination.database() + " failed (exit " + run.exit() + "): "
                        + PgTools.firstLine(run.output()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("pg_restore could not run: " + e.getMessage(), e);
        }
    }

    private static void requireIntact(Backup backup) {
        if (!intact(backup)) {
            throw new IllegalStateException("the backup " + backup.file() + " is missing or no longer has SHA-256 " + backup.sha256()
                    + ": refusing to restore it");
        }
    }

    /** SHA-256 of a file, hex. */
    static String sha256(Path file) {
        MessageDigest digest = newDigest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            int read;
            while ((read = in.read(buffer)) > 0) {
                digest.update(buffer, 0, read);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
