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
 * The local target's PostgreSQL: the application's database, an owner role for the application and a separate
 * read-only role for Greenlight — in an embedded server (zonky) started for the run, or in a server that is
 * already running ({@code local.postgres.server}), where the run's database and roles carry a suffix of their own
 * and are dropped at the end. Passwords are random per start and never written anywhere.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    /** Role Greenlight reads with: {@code pg_read_all_data} and {@code pg_monitor}, nothing more. */
    public static final String READER = "greenlight_reader";

    private final EmbeddedPostgres server;
    private final Shared shared;
    private final int port;
    private final String database;
    private final String owner;
    private final String reader;
    private final Secret ownerPassword;
    private final Secret readerPassword;
    private final boolean sibling;

    /** A running server this database lives in, and how to reach it as a user who may create databases. */
    private record Shared(String host, int port, String user, Secret password) {
        Connection connect(String db) throws SQLException {
            return java.sql.DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + db, user,
                    password == null ? null : password.reveal());
        }
    }

    private EmbeddedDatabase(EmbeddedPostgres server, Shared shared, int port, String database, String owner, String reader,
                             Secret ownerPassword, Secret readerPassword) {
        this(server, shared, port, database, owner, reader, ownerPassword, readerPassword, false);
    }

    private EmbeddedDatabase(EmbeddedPostgres server, Shared shared, int port, String database, String owner, String reader,
                             Secret ownerPassword, Secret readerPassword, boolean sibling) {
        this.sibling = sibling;
        this.server = server;
        this.shared = shared;
        this.port = port;
        this.database = database;
        this.owner = owner;
        this.reader = reader;
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
        EmbeddedDatabase created = new EmbeddedDatabase(server, null, server.getPort(), database, owner, READER,
                Secret.of(randomPassword()), Secret.of(randomPassword()));
        try {
            created.prepare();
        } catch (SQLException e) {
            closeQuietly(server);
            throw new TargetNotReadyException("embedded PostgreSQL started but the database could not be prepared: " + e.getMessage(), e);
        }
        return created;
    }

    /**
     * Creates the run's database and roles in a server that is already running, suffixed with (the last letters and
     * digits of) {@code suffix}, random per run, so that runs sharing the server never meet.
     */
    public static EmbeddedDatabase attach(String serverJdbcUrl, String user, Secret password, String database, String owner, String suffix) {
        requireIdentifier(database, "local.postgres.database");
        requireIdentifier(owner, "local.postgres.user");
        java.net.URI uri = java.net.URI.create(serverJdbcUrl.startsWith("jdbc:") ? serverJdbcUrl.substring(5) : serverJdbcUrl);
        if (uri.getHost() == null) {
            throw new dev.greenlight.config.ConfigException("local.postgres.server: expected jdbc:postgresql://host:port/db, got '" + serverJdbcUrl + "'");
        }
        String tag = suffix.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "");
        tag = tag.substring(Math.max(0, tag.length() - 12));
        Shared shared = new Shared(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), user, password);
        EmbeddedDatabase created = new EmbeddedDatabase(null, shared, shared.port(), database + "_" + tag, owner + "_" + tag,
                READER + "_" + tag, Secret.of(randomPassword()), Secret.of(randomPassword()));
        try {
            created.prepare();
        } catch (SQLException e) {
            created.close();
            throw new TargetNotReadyException("cannot prepare a database for this run on " + serverJdbcUrl + " as " + user + ": " + e.getMessage(), e);
        }
        return created;
    }

    /**
     * Another application database with an owner role of its own, in the same server, for a second deployment (the
     * baseline running beside the candidate); Greenlight reads it with the same read-only role. Closing it drops it.
     *
     * @param siblingOwnerPassword the new owner role's password (see {@link #newPassword()}), known to the caller's masker
     */
    public EmbeddedDatabase sibling(String suffix, Secret siblingOwnerPassword) {
        requireIdentifier(database + "_" + suffix, "the sibling database");
        EmbeddedDatabase created = new EmbeddedDatabase(server, shared, port, database + "_" + suffix, owner + "_" + suffix, reader,
                siblingOwnerPassword, readerPassword, true);
        try {
            created.prepare();
        } catch (SQLException e) {
            throw new TargetNotReadyException("cannot create the database " + created.database + " beside " + database + ": " + e.getMessage(), e);
        }
        return created;
    }

    private void prepare() throws SQLException {
        try (Connection connection = superuserConnection("postgres"); Statement statement = connection.createStatement()) {
            statement.execute("CREATE ROLE " + owner + " LOGIN PASSWORD '" + ownerPassword.reveal() + "'");
            statement.execute("CREATE DATABASE " + database + " OWNER " + owner);
            if (!sibling) {
                statement.execute("CREATE ROLE " + reader + " LOGIN PASSWORD '" + readerPassword.reveal() + "'");
                statement.execute("GRANT pg_read_all_data, pg_monitor TO " + reader);
            }
        }
        try (Connection connection = superuserConnection(database); Statement statement = connection.createStatement()) {
            statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        }
    }

    public int port() {
        return port;
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
        return reader;
    }

    public Secret readerPassword() {
        return readerPassword;
    }

    /** A superuser connection to {@code db}, for what only the server's owner may do (scratch databases). */
    public Connection superuserConnection(String db) throws SQLException {
        return server != null ? server.getDatabase("postgres", db).getConnection() : shared.connect(db);
    }

    @Override
    public void close() {
        if (server != null && !sibling) {
            closeQuietly(server);
            return;
        }
        try (Connection connection = superuserConnection("postgres"); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            if (!sibling) {
                statement.execute("DROP ROLE IF EXISTS " + reader);
            }
            statement.execute("DROP ROLE IF EXISTS " + owner);
        } catch (SQLException e) {
            // the shared server keeps a database it will not miss; the next start uses another suffix
        }
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

    /** A random password, for a role created later whose secret must be known (and masked) now. */
    public static Secret newPassword() {
        return Secret.of(randomPassword());
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
