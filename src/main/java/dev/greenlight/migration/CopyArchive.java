package dev.greenlight.migration;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.greenlight.db.ReadOnlyDatabase;
import dev.greenlight.evidence.EvidenceJson;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Greenlight's own backup format, for when {@code pg_dump} cannot be used (it refuses servers newer than itself): a
 * zip of {@code manifest.json}, the {@code migration.sql} of every migration the database has applied (so the schema
 * can be rebuilt without the application's code at hand) and each table's rows as PostgreSQL {@code COPY} text, all
 * read in one repeatable-read, read-only transaction. Nothing is held in memory: rows stream buffer by buffer.
 */
final class CopyArchive {

    /** The format name written into the manifest. */
    static final String FORMAT = "greenlight-copy/1";

    private static final String MANIFEST = "manifest.json";
    private static final ObjectMapper JSON = EvidenceJson.mapper();

    /**
     * What the archive holds.
     *
     * @param format        {@value #FORMAT}
     * @param schema        the schema backed up
     * @param serverVersion the source's {@code server_version}
     * @param takenAt       when the transaction started
     * @param migrations    the applied migrations stored, oldest first
     * @param tables        one entry per table
     * @param warnings      what the archive cannot reproduce
     */
    record Manifest(String format, String schema, String serverVersion, Instant takenAt, List<String> migrations,
                    List<TableEntry> tables, List<String> warnings) {

        long rows() {
            return tables.stream().mapToLong(TableEntry::rows).sum();
        }
    }

    /**
     * One table's rows in the archive.
     *
     * @param name    table name
     * @param columns columns copied, in table order
     * @param rows    rows copied
     * @param entry   the zip entry holding its COPY text
     */
    record TableEntry(String name, List<String> columns, long rows, String entry) {
    }

    private CopyArchive() {
    }

    /** Writes the archive of {@code schema} to {@code out}; {@code timeout} bounds every statement of the transaction. */
    static Manifest write(ReadOnlyDatabase source, String schema, List<MigrationFolder> folders, OutputStream out,
                          Duration timeout) {
        List<String> warnings = new ArrayList<>();
        try (Connection connection = source.open(); ZipOutputStream zip = new ZipOutputStream(out)) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
                statement.execute("SET LOCAL statement_timeout = " + Math.max(1, timeout.toMillis()));
            }
            Instant takenAt = Instant.now();
            String version = single(connection, "SHOW server_version");
            List<String> stored = storeMigrations(connection, schema, folders, zip, warnings);
            List<TableEntry> tables = new ArrayList<>();
            for (String table : JdbcCopy.tables(connection, schema)) {
                List<String> columns = JdbcCopy.columns(connection, schema, table);
                String entry = String.format("data/%04d.copy", tables.size() + 1);
                zip.putNextEntry(new ZipEntry(entry));
                long rows = copyOut(connection, schema, table, columns, zip);
                zip.closeEntry();
                tables.add(new TableEntry(table, columns, rows, entry));
            }
            Manifest manifest = new Manifest(FORMAT, schema, version, takenAt, stored, tables, warnings);
            zip.putNextEntry(new ZipEntry(MANIFEST));
            zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
            zip.closeEntry();
            zip.finish();
            connection.rollback();
            return manifest;
        } catch (SQLException e) {
            throw new IllegalStateException("backing up schema " + schema + " failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("writing the backup failed: " + e.getMessage(), e);
        }
    }

    /** Reads the manifest of an archive written by {@link #write}. */
    static Manifest manifest(Path archive) {
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            ZipEntry entry = zip.getEntry(MANIFEST);
            if (entry == null) {
                throw new IllegalStateException(archive + " is not a Greenlight backup: it has no " + MANIFEST);
            }
            Manifest manifest = JSON.readValue(zip.getInputStream(entry), Manifest.class);
            if (!FORMAT.equals(manifest.format())) {
                throw new IllegalStateException(archive + " is in format '" + manifest.format() + "', this Greenlight reads " + FORMAT);
            }
            return manifest;
        } catch (IOException e) {
            throw new UncheckedIOException(archive + " is not a readable backup: " + e.getMessage(), e);
        }
    }

    /**
     * Restores into an empty database: the schema is rebuilt by applying the stored migrations, then every table is
     * loaded. Returns the rows loaded; what could not be reproduced is added to {@code warnings}.
     */
    static long restoreIntoEmpty(Path archive, CopyDestination destination, Duration timeout, List<String> warnings) {
        Manifest manifest = manifest(archive);
        try (ZipFile zip = new ZipFile(archive.toFile()); Connection target = destination.connect()) {
            try (Statement statement = target.createStatement()) {
                statement.execute("CREATE SCHEMA IF NOT EXISTS " + Identifiers.quote(manifest.schema()));
                statement.execute("SET search_path TO " + Identifiers.quote(manifest.schema()));
            }
            for (MigrationApplier.Applied outcome : MigrationApplier.apply(target, unpackMigrations(zip, manifest))) {
                if (outcome.failed()) {
                    warnings.add("migration " + outcome.name() + " failed while rebuilding the schema: " + outcome.error());
                }
            }
            return TableLoad.load(target, manifest, name -> stream(zip, name), timeout, true, warnings);
        } catch (SQLException e) {
            throw new IllegalStateException("restoring the backup into " + destination.database() + " failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the backup " + archive + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Restores over an existing database whose schema already has every table of the archive: in one transaction,
     * the archive's tables are emptied and reloaded. Nothing changes when anything fails.
     */
    static long restoreOver(Path archive, CopyDestination destination, Duration timeout, List<String> warnings) {
        Manifest manifest = manifest(archive);
        try (ZipFile zip = new ZipFile(archive.toFile()); Connection target = destination.connect()) {
            return TableLoad.load(target, manifest, name -> stream(zip, name), timeout, false, warnings);
        } catch (SQLException e) {
            throw new IllegalStateException("restoring the backup over " + destination.database() + " failed (nothing was"
                    + " changed: the restore is one transaction): " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the backup " + archive + " failed: " + e.getMessage(), e);
        }
    }

    private static List<String> storeMigrations(Connection connection, String schema, List<MigrationFolder> folders,
                                                ZipOutputStream zip, List<String> warnings) throws SQLException, IOException {
        if (!MigrationRow.tableExists(connection, schema)) {
            warnings.add("schema " + schema + " has no _prisma_migrations table: an empty database cannot be rebuilt from this backup");
            return List.of();
        }
        Map<String, MigrationRow> applied = MigrationRow.readAll(connection, schema).stream().filter(MigrationRow::applied)
                .collect(Collectors.toMap(MigrationRow::name, Function.identity(), (a, b) -> b));
        List<String> stored = new ArrayList<>();
        for (MigrationFolder folder : folders) {
            MigrationRow row = applied.get(folder.name());
            if (row == null) {
                continue;
            }
            if (!folder.matchesIgnoringLineEndings(row.checksum())) {
                warnings.add("migration " + folder.name() + " was edited after it was applied: the backup stores the file as it is now");
            }
            zip.putNextEntry(new ZipEntry("migrations/" + folder.name() + "/migration.sql"));
            zip.write(Files.readAllBytes(folder.script()));
            zip.closeEntry();
            stored.add(folder.name());
        }
        applied.keySet().stream().filter(name -> !stored.contains(name)).sorted().forEach(name -> warnings.add("migration "
                + name + " is applied but has no folder in migrations.dir: an empty database rebuilt from this backup lacks its changes"));
        return List.copyOf(stored);
    }

    private static List<MigrationFolder> unpackMigrations(ZipFile zip, Manifest manifest) throws IOException {
        Path dir = Files.createTempDirectory("greenlight-restore");
        List<MigrationFolder> folders = new ArrayList<>();
        for (String name : manifest.migrations()) {
            Path script = dir.resolve(name).resolve("migration.sql");
            Files.createDirectories(script.getParent());
            try (InputStream in = stream(zip, "migrations/" + name + "/migration.sql")) {
                Files.copy(in, script);
            }
            folders.add(new MigrationFolder(name, script, MigrationFolder.sha256(Files.readAllBytes(script))));
        }
        return folders;
    }

    private static InputStream stream(ZipFile zip, String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new IOException("the backup has no entry " + name + ": it is incomplete");
        }
        return zip.getInputStream(entry);
    }

    private static long copyOut(Connection connection, String schema, String table, List<String> columns, OutputStream out)
            throws SQLException, IOException {
        String columnList = String.join(", ", columns.stream().map(Identifiers::quote).toList());
        CopyOut copy = connection.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (SELECT " + columnList + " FROM "
                + Identifiers.quote(schema) + "." + Identifiers.quote(table) + ") TO STDOUT");
        try {
            byte[] buffer;
            while ((buffer = copy.readFromCopy()) != null) {
                out.write(buffer);
            }
            return copy.getHandledRowCount();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            return result.next() ? result.getString(1) : "";
        }
    }
}
