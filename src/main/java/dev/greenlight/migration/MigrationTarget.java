package dev.greenlight.migration;

import dev.greenlight.config.Masker;
import dev.greenlight.config.MigrationConfig;
import dev.greenlight.config.TargetConfig;
import dev.greenlight.db.ReadOnlyDatabase;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * The migration feature's view of one target: its read-only database, the schema Prisma uses, the migration
 * folders, the exclusions and a scratch server of the right version. Built from the target file only, so the
 * suites, the {@code snapshot} command and the local target's pre-deploy hook all read the same settings.
 */
public final class MigrationTarget {

    private final TargetConfig config;
    private final Masker masker;
    private final ReadOnlyDatabase database;

    public MigrationTarget(TargetConfig config, Masker masker) {
        this.config = config;
        this.masker = masker;
        this.database = new ReadOnlyDatabase(config.database(), masker);
    }

    public TargetConfig config() {
        return config;
    }

    public MigrationConfig settings() {
        return config.migrations();
    }

    /** Read-only sessions on the application's database. */
    public ReadOnlyDatabase database() {
        return database;
    }

    /** {@code migrations.schema}, else {@code currentSchema} of the JDBC URL, else {@code public}. */
    public String schema() {
        if (!settings().schema().isBlank()) {
            return settings().schema();
        }
        String url = config.database().jdbcUrl();
        if (url != null && url.contains("?")) {
            for (String parameter : URI.create(url.substring("jdbc:".length())).getQuery().split("&")) {
                if (parameter.startsWith("currentSchema=") && parameter.length() > "currentSchema=".length()) {
                    return parameter.substring("currentSchema=".length()).split(",")[0];
                }
            }
        }
        return "public";
    }

    /** The application's migration folders, oldest first; a missing {@code migrations.dir} is one clear message. */
    public List<MigrationFolder> folders() {
        String dir = settings().dir();
        if (dir == null || dir.isBlank()) {
            throw new dev.greenlight.config.ConfigException("migrations.dir is not set in the target file: point it at the"
                    + " deployed code's prisma/migrations directory");
        }
        return MigrationFolder.readAll(Path.of(dir));
    }

    /** {@code migrations.exclude}, {@code migrations.tagColumns} and {@code testData.tagPrefix}. */
    public Exclusions exclusions() {
        return Exclusions.parse(settings().exclude(), settings().tagColumns(), config.testData().tagPrefix());
    }

    /** A snapshot request with this target's schema, exclusions and sizes. */
    public SnapshotRequest snapshotRequest(String label, Path dir) {
        return SnapshotRequest.of(label, config.name(), maskedUrl(), schema(), exclusions(), dir)
                .sized(settings().chunkRows(), settings().rowDetailLimit());
    }

    /** The database URL as it may appear in a report. */
    public String maskedUrl() {
        return masker.mask(String.valueOf(config.database().jdbcUrl()));
    }

    /** Starts a scratch server matching the database's major version as closely as this machine allows. */
    public ScratchPostgres startScratch() {
        int major = database.read("reading the server version", ScratchPostgres.ServerVersion::major);
        return ScratchPostgres.start(settings().scratch(), major, settings().scratchTimeout());
    }

    public Masker masker() {
        return masker;
    }
}
