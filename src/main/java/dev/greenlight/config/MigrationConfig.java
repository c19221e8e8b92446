package dev.greenlight.config;

import java.time.Duration;
import java.util.List;

/**
 * The application's Prisma migrations and what data-integrity checks leave out.
 *
 * @param dir            the application's {@code prisma/migrations} directory, readable from where Greenlight runs
 * @param exclude        {@code Table.column} or {@code Table} entries the integrity snapshot comparison ignores
 *                       (columns a migration added or changed on purpose)
 * @param tagColumns     {@code Table.column} entries that carry the run tag ({@code testData.tagPrefix}-…) in rows
 *                       Greenlight creates, e.g. {@code User.email}; such rows are left out of snapshots
 * @param schema         the PostgreSQL schema Prisma uses; empty takes {@code currentSchema} from
 *                       {@code database.jdbcUrl}, else {@code public}
 * @param scratch        where scratch databases run: {@code auto} (a Testcontainers container of the staging
 *                       server's major version where Docker answers, else embedded PostgreSQL), {@code embedded}
 *                       or {@code container}
 * @param scratchTimeout how long a scratch server may take to start
 * @param copyTimeout    how long copying the database for a rehearsal may take
 * @param snapshotMaxAge a {@code pre-deploy} snapshot older than this is stale and refused (72h by default)
 * @param chunkRows      average rows per snapshot chunk (1000)
 * @param rowDetailLimit tables with more rows keep only chunk hashes in a snapshot, no per-row file (5,000,000)
 */
public record MigrationConfig(String dir, List<String> exclude, List<String> tagColumns, String schema, Scratch scratch,
                              Duration scratchTimeout, Duration copyTimeout, Duration snapshotMaxAge, Integer chunkRows,
                              Long rowDetailLimit) {

    /** Where scratch databases run. */
    public enum Scratch { AUTO, EMBEDDED, CONTAINER }

    public MigrationConfig {
        exclude = exclude == null ? List.of() : List.copyOf(exclude);
        tagColumns = tagColumns == null ? List.of() : List.copyOf(tagColumns);
        schema = schema == null ? "" : schema;
        scratch = scratch == null ? Scratch.AUTO : scratch;
        scratchTimeout = scratchTimeout == null ? Duration.ofSeconds(120) : scratchTimeout;
        copyTimeout = copyTimeout == null ? Duration.ofMinutes(30) : copyTimeout;
        snapshotMaxAge = snapshotMaxAge == null ? Duration.ofHours(72) : snapshotMaxAge;
        chunkRows = chunkRows == null ? 1000 : chunkRows;
        rowDetailLimit = rowDetailLimit == null ? 5_000_000L : rowDetailLimit;
        if (chunkRows < 1) {
            throw new ConfigException("migrations.chunkRows must be at least 1, was " + chunkRows);
        }
    }

    /** Only the directory and exclusions; everything else defaulted. */
    public MigrationConfig(String dir, List<String> exclude) {
        this(dir, exclude, null, null, null, null, null, null, null, null);
    }
}
