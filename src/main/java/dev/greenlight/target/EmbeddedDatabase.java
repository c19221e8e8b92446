package dev.greenlight.target;

import dev.greenlight.config.Secret;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;

/**
 * An embedded PostgreSQL server (zonky) holding the application's database, an owner role for the application
 * and a separate read-only role for Greenlight. Passwords are random per start and never written anywhere.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    /** Role Greenlight reads with: {@code pg_read_all_data} and {@code pg_monitor}, nothing more. */
    public static final String READER = "greenlight_reader";

    private final EmbeddedPostgres server;
    private final String database;
    private final String owner;
    private final Secret ownerPassword;
    private final Secret readerPassword;

    private EmbeddedDatabase(EmbeddedPostgres server, String database, String owner, Secret ownerPassword, Secret readerPassword) {
        this.server = server;
        this.database = database;
        this.owner = owner;
        this.ownerPassword = ownerPassword;
        this.readerPassword = readerPassword;
    }

    /** Starts a server with {@code pg_stat_statements} loaded and creates the application's database and roles. */
    public static EmbeddedDatabase start(String database, String owner, Duration startTimeout) {
        requireIdentifier(database, "local.postgres.database");
        requireIdentifier(owner, "local.postgres.user");
        EmbeddedPostgres server;
        try {
            server = EmbeddedPostgres.builder()
                    .setPGStartupWait(startTimeout)
                    .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                    .setServerConfig("max_connections", "100")
                    .start();
        } catch (IOException | RuntimeException e) {
            throw new TargetNotReadyException("embedded PostgreSQL did not start: " + e.getMessage(), e);
        }
        Secret ownerPassword = Secret.of(randomPassword());
        Secret readerPassword = Secret.of(randomPassword());
        try (Connection connection = server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE ROLE " + owner + " LOGIN PASSWORD '" + ownerPassword.reveal() + "'");
            statement.execute("CREATE DATABASE " + database + " OWNER " + owner);
            statement.execute("CREATE ROLE " + READER + " LOGIN PASSWORD '" + readerPassword.reveal() + "'");
            statement.execute("GRANT pg_read_all_data, pg_monitor TO " + READER);
        } catch (SQLException e) {
            closeQuietly(server);
            throw new TargetNotReadyException("embedded PostgreSQL started but the database could not be prepared: " + e.getMessage(), e);
        }
        try (Connection connection = server.getDatabase("postgres", database).getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        } catch (SQLException e) {
            closeQuietly(server);
            throw new TargetNotReadyException("embedded PostgreSQL could not enable pg_stat_statements: " + e.getMessage(), e);
        }
        return new EmbeddedDatabase(server, database, owner, ownerPassword, readerPassword);
    }

    public int port() {
        return server.getPort();
    }

    public String database() {
        return database;
    }

    /** JDBC URL of {@code db} on this server. */
    public String jdbcUrl(String db) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + db;
    }

    /** The application database, in the {@code postgresql://user:password@host:port/db} form Prisma reads. */
    public Secret applicationUrl() {
        return Secret.of("postgresql://" + owner + ":" + ownerPassword.reveal() + "@127.0.0.1:" + port() + "/" + database + "?schema=public");
    }

    public String owner() {
        return owner;
    }

    public Secret ownerPassword() {
        return ownerPassword;
    }

    public String readerUser() {
        return READER;
    }

    public Secret readerPassword() {
        return readerPassword;
    }

    /** A superuser connection to {@code db}, for what only the server's owner may do (scratch databases). */
    public Connection superuserConnection(String db) throws SQLException {
        return server.getDatabase("postgres", db).getConnection();
    }

    @Override
    public void close() {
        closeQuietly(server);
    }

    private static void closeQuietly(EmbeddedPostgres server) {
        try {
            server.close();
        } catch (IOException e) {
            // the server is going away either way
        }
    }

    private static void requireIdentifier(String name, String key) {
        if (!name.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new dev.greenlight.config.ConfigException(key + ": '" + name + "' must be a lower-case PostgreSQL identifier");
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
