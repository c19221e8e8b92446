package dev.greenlight.config;

import java.time.Duration;

/**
 * The application's PostgreSQL. Greenlight's sessions on it are read-only; anything that would drop,
 * truncate or restore over it refuses unless {@code allowDestructive} names this very database.
 *
 * @param jdbcUrl          e.g. {@code jdbc:postgresql://db.staging:5432/app}; {@code local} fills it in
 * @param user             user name, usually {@code ${STAGING_DB_USER}}
 * @param password         password, only as {@code ${STAGING_DB_PASSWORD}}; masked everywhere
 * @param connectTimeout   how long a connection attempt may take
 * @param queryTimeout     how long one statement may take
 * @param allowDestructive the database name a restore may overwrite; empty (the default) refuses all
 * @param expectSsl        whether the application's own sessions must use TLS ({@code pg_stat_ssl}); unset, the TLS probe is
 *                         out of scope for this target
 */
public record DatabaseConfig(
        String jdbcUrl,
        String user,
        Secret password,
        Duration connectTimeout,
        Duration queryTimeout,
        String allowDestructive,
        Boolean expectSsl) {

    /** Without a TLS expectation. */
    public DatabaseConfig(String jdbcUrl, String user, Secret password, Duration connectTimeout, Duration queryTimeout,
                          String allowDestructive) {
        this(jdbcUrl, user, password, connectTimeout, queryTimeout, allowDestructive, null);
    }

    public DatabaseConfig {
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        queryTimeout = queryTimeout == null ? Duration.ofSeconds(60) : queryTimeout;
        allowDestructive = allowDestructive == null ? "" : allowDestructive;
    }

    public boolean configured() {
        return jdbcUrl != null && !jdbcUrl.isBlank();
    }

    public DatabaseConfig withConnection(String url, String userName, Secret secret) {
        return new DatabaseConfig(url, userName, secret, connectTimeout, queryTimeout, allowDestructive, expectSsl);
    }
}
