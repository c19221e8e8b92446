package dev.greenlight.migration;

import dev.greenlight.config.DatabaseConfig;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;

/**
 * Where a {@link DatabaseCopy} writes: normally a database on a {@link ScratchPostgres}. Anything that names the
 * configured application database itself is refused unless {@code database.allowDestructive} names it.
 *
 * @param host     server host
 * @param port     server port
 * @param database database name
 * @param user     a user allowed to create tables there
 * @param password its password (empty for trust authentication)
 */
public record CopyDestination(String host, int port, String database, String user, String password) {

    /** A database on a scratch server. */
    public static CopyDestination scratch(ScratchPostgres server, String database) {
        return new CopyDestination(server.host(), server.port(), database, server.user(), server.password());
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", "10");
        properties.setProperty("ApplicationName", "greenlight-copy");
        return DriverManager.getConnection(jdbcUrl(), properties);
    }

    /**
     * Refuses to write over the configured application database: a destination on the same host, port and
     * database name is allowed only when {@code database.allowDestructive} is that database's name.
     */
    public void requireNotConfigured(DatabaseConfig configured) {
        if (!configured.configured()) {
            return;
        }
        URI uri = URI.create(configured.jdbcUrl().substring("jdbc:".length()));
        String name = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        int configuredPort = uri.getPort() < 0 ? 5432 : uri.getPort();
        boolean same = database.equals(name) && port == configuredPort
                && sameHost(host, uri.getHost() == null ? "localhost" : uri.getHost());
        if (same && !name.equals(configured.allowDestructive())) {
            throw new IllegalStateException("refusing to write into " + host + ":" + port + "/" + database
                    + ": it is the configured application database. Copies and rehearsals go to scratch databases;"
                    + " set database.allowDestructive: " + name + " only if overwriting it is really intended");
        }
    }

    private static boolean sameHost(String a, String b) {
        String x = a.toLowerCase(Locale.ROOT);
        String y = b.toLowerCase(Locale.ROOT);
        return x.equals(y) || isLoopback(x) && isLoopback(y);
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("::1") || host.equals("[::1]");
    }
}
