package dev.greenlight.migration;

import dev.greenlight.db.ReadOnlyDatabase;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Copies the application's database into a scratch database, reading it only through read-only sessions:
 * {@code pg_dump | pg_restore} where this machine's tools are at least the server's major version, otherwise
 * (e.g. pg_dump 15 against a PostgreSQL 17 server, which pg_dump refuses) the schema is rebuilt from the migrations
 * the database has applied and every table's rows are streamed with {@code COPY} over JDBC. Either way big tables
 * stream; nothing is held in memory.
 */
public final class DatabaseCopy {

    /**
     * How the copy went.
     *
     * @param method   {@code pg_dump/pg_restore} or {@code COPY over JDBC}
     * @param note     why this method, for the report
     * @param tables   tables copied
     * @param rows     rows copied (COPY over JDBC only; -1 when pg_restore did the work)
     * @param took     how long it took
     * @param warnings what the copy could not reproduce
     */
    public record Result(String method, String note, int tables, long rows, Duration took, List<String> warnings) {
    }

    private DatabaseCopy() {
    }

    /**
     * Copies {@code schema} of {@code source} into {@code destination}, which must not be the configured database.
     *
     * @param folders the application's migration folders, for rebuilding the schema when pg_dump cannot be used
     */
    public static Result copy(ReadOnlyDatabase source, String schema, List<MigrationFolder> folders,
                              CopyDestination destination, Duration timeout) {
        destination.requireNotConfigured(source.config());
        long start = System.nanoTime();
        int serverMajor = source.read("reading the server version", ScratchPostgres.ServerVersion::major);
        int dumpMajor = PgTools.majorVersion("pg_dump");
        int restoreMajor = PgTools.majorVersion("pg_restore");
        String note;
        if (dumpMajor >= serverMajor && restoreMajor >= serverMajor) {
            String failure = dumpAndRestore(source, schema, destination, timeout);
            if (failure == null) {
                return new Result("pg_dump/pg_restore", "pg_dump " + dumpMajor + " against PostgreSQL " + serverMajor,
                        -1, -1, Duration.ofNanos(System.nanoTime() - start), List.of());
            }
            note = "pg_dump/pg_restore failed (" + failure + "); fell back to COPY over JDBC";
            JdbcCopy.resetSchema(destination, schema, true);
        } else if (dumpMajor < 0) {
            note = "pg_dump is not installed here; copied with COPY over JDBC";
        } else {
            note = "pg_dump " + dumpMajor + " cannot dump a PostgreSQL " + serverMajor
                    + " server (it refuses newer servers); copied with COPY over JDBC, schema rebuilt from the applied migrations";
        }
        JdbcCopy.Outcome outcome = JdbcCopy.copy(source, schema, folders, destination);
        return new Result("COPY over JDBC", note, outcome.tables(), outcome.rows(), Duration.ofNanos(System.nanoTime() - start),
                outcome.warnings());
    }

    private static String dumpAndRestore(ReadOnlyDatabase source, String schema, CopyDestination destination, Duration timeout) {
        Path dump = null;
        try {
            dump = Files.createTempFile("greenlight-copy", ".dump");
            PgTools.Run dumped = PgTools.dump(source, schema, dump, List.of("--no-owner", "--no-privileges"), timeout);
            if (dumped.exit() != 0) {
                return "pg_dump exit " + dumped.exit() + ": " + PgTools.firstLine(dumped.output());
            }
            // the dump creates the schema itself (even public): the scratch database's own must go first
            JdbcCopy.resetSchema(destination, schema, false);
            PgTools.Run restored = PgTools.restore(destination, dump, List.of("--no-owner", "--no-privileges", "--exit-on-error"), timeout);
            return restored.exit() == 0 ? null : "pg_restore exit " + restored.exit() + ": " + PgTools.firstLine(restored.output());
        } catch (IOException e) {
            return e.getMessage();
        } finally {
            if (dump != null) {
                try {
                    Files.deleteIfExists(dump);
                } catch (IOException e) {
                    // a temp file left behind is harmless
                }
            }
        }
    }
}
