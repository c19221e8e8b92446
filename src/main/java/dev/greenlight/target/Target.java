package dev.greenlight.target;

import dev.greenlight.config.TargetConfig;

/**
 * A deployment under test, reachable and ready. Suites get its effective configuration (with the addresses
 * the {@code local} kind learned at start) and its log; they never learn which kind it is.
 */
public interface Target extends AutoCloseable {

    /** The effective configuration: {@code app.baseUrl} and {@code database.jdbcUrl} filled in. */
    TargetConfig config();

    default String name() {
        return config().name();
    }

    /** The application's log, from a file or a command. */
    LogSource log();

    /**
     * The baseline deployment running alongside the candidate, for a time-matched comparison: the one the target file
     * names ({@code baseline.baseUrl}), or — for a target that can — one started now and stopped with the target.
     * Empty when there is none.
     */
    default java.util.Optional<dev.greenlight.config.BaselineConfig> baseline() {
        return config().baseline().present() ? java.util.Optional.of(config().baseline()) : java.util.Optional.empty();
    }

    /** Stops whatever this target started; a remote target stops nothing. */
    @Override
    void close();
}
