package dev.greenlight.sample;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which Prisma release the sample app pretends to run on: the baseline (6.19.0, Rust query engine
 * with its own pool) or the candidate (7.0.1, client engine with the {@code pg} driver adapter).
 * The two differ in the migrations they know and in how a request waits for a pool connection.
 */
public enum Personality {

    /** Prisma 6.19.0: knows migrations up to {@code 20241008120000_add_feed_index}; pool waits 10 s, then P2024. */
    BASELINE("6.19.0", "engine: library", "20241008120000_add_feed_index", Duration.ofSeconds(10)),

    /** Prisma 7.0.1 with {@code @prisma/adapter-pg}: knows every migration; a pool wait has no limit. */
    CANDIDATE("7.0.1", "engine: client, driver adapter: @prisma/adapter-pg", null, null);

    private final String version;
    private final String engine;
    private final String lastKnownMigration;
    private final Duration defaultPoolTimeout;

    Personality(String version, String engine, String lastKnownMigration, Duration defaultPoolTimeout) {
        this.version = version;
        this.engine = engine;
        this.lastKnownMigration = lastKnownMigration;
        this.defaultPoolTimeout = defaultPoolTimeout;
    }

    /** The Prisma version string, e.g. {@code 7.0.1}. */
    public String version() {
        return version;
    }

    /** What follows the version on the startup log line, e.g. {@code engine: library}. */
    public String engine() {
        return engine;
    }

    /** Whether this Prisma release shipped with the given migration folder (its code predates later ones). */
    public boolean knowsMigration(String migrationName) {
        return lastKnownMigration == null || migrationName.compareTo(lastKnownMigration) <= 0;
    }

    /** The pool wait limit when the URL sets no {@code pool_timeout}; empty means wait forever. */
    public Optional<Duration> defaultPoolTimeout() {
        return Optional.ofNullable(defaultPoolTimeout);
    }

    /** Whether Prisma reads {@code connection_limit}/{@code pool_timeout} from the URL (only the Rust engine does). */
    public boolean readsPoolParametersFromUrl() {
        return this == BASELINE;
    }

    /** Parses {@code PRISMA_VERSION}; the message names the accepted values. */
    public static Personality parse(String value) {
        for (Personality p : values()) {
            if (p.version.equals(value.trim())) {
                return p;
            }
        }
        throw new ConfigException("PRISMA_VERSION must be one of "
                + Arrays.stream(values()).map(Personality::version).collect(Collectors.joining(", "))
                + " but was '" + value + "'");
    }
}
