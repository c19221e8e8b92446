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

    /** Stops whatever this target started; a remote target stops nothing. */
    @Override
    void close();
}
