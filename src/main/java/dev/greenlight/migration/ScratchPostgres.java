package dev.greenlight.migration;

import dev.greenlight.config.MigrationConfig;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A throw-away PostgreSQL server Greenlight owns outright, for what must never touch staging: applying the
 * migrations to an empty database (schema drift) and restoring a copy of staging to rehearse on. A Testcontainers
 * {@code postgres:<major>} container of the staging server's major version where a Docker engine answers,
 * embedded PostgreSQL (zonky) otherwise; {@link #note()} says which and whether the versions differ.
 */
public final class ScratchPostgres implements AutoCloseable {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final int major;
    private final String note;
    private final AutoCloseable server;

    private ScratchPostgres(String host, int port, String user, String password, String kind, int wantedMajor,
                            AutoCloseable server) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.server = server;
        this.major = serverMajor();
        this.note = kind + ", PostgreSQL " + major + (wantedMajor > 0 && wantedMajor != major
                ? "; staging runs PostgreSQL " + wantedMajor + ", so catalog text may differ by version" : "");
    }

    /**
     * Starts a scratch server as close to {@code wantedMajor} (the staging server's major version) as this
     * machine allows.
     */
    public static ScratchPostgres start(MigrationConfig.Scratch mode, int wantedMajor, Duration startTimeout) {
        boolean docker = mode != MigrationConfig.Scratch.EMBEDDED && dockerAvailable();
        if (mode == MigrationConfig.Scratch.CONTAINER && !docker) {
            throw new IllegalStateException("migrations.scratch is 'container' but no Docker engine answers here;"
                    + " set migrations.scratch to auto or embedded");
        }
        return docker ? container(wantedMajor, startTimeout) : embedded(wantedMajor, startTimeout, mode == MigrationConfig.Scratch.AUTO);
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    @SuppressWarnings("resource")
    private static ScratchPostgres container(int wantedMajor, Duration startTimeout) {
        PostgreSQLContainer container = new PostgreSQLContainer("postgres:" + wantedMajor)
                .withStartupTimeout(startTimeout);
        container.start();
        return new ScratchPostgres(container.getHost(), container.getMappedPort(5432), container.getUsername(),
                container.getPassword(), "Testcontainers postgres:" + wantedMajor, wantedMajor, container::stop);
    }

    private static ScratchPostgres embedded(int wantedMajor, Duration startTimeout, boolean dockerLooked) {
        try {
            EmbeddedPostgres server = EmbeddedPostgres.builder().setPGStartupWait(startTimeout).start();
            String why = dockerLooked ? "embedded PostgreSQL (no Docker engine here)" : "embedded PostgreSQL";
            return new ScratchPostgres("127.0.0.1", server.getPort(), "postgres", "", why, wantedMajor, server);
        } catch (IOException e) {
            throw new IllegalStateException("the scratch PostgreSQL did not start: " + e.getMessage(), e);
        }
    }

    /** Creates an empty database with a unique name starting with {@code prefix}; returns its name. */
    public String createDatabase(String prefix) {
        String name = (prefix + "_" + ProcessHandle.current().pid() + "_" + SEQUENCE.incrementAndGet()).toLowerCase(Locale.ROOT);
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + Identifiers.quote(name));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create scratch database " + name + ": " + e.getMessage(), e);
        }
        return name;
    }

    /** A superuser connection to {@code database} on this scratch server (never to staging). */
    public Connection connect(String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", "10");
        properties.setProperty("ApplicationName", "greenlight-scratch");
        return DriverManager.getConnection(jdbcUrl(database), properties);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String user() {
        return user;
    }

    /** The superuser password, empty for embedded PostgreSQL (trust authentication on 127.0.0.1). */
    public String password() {
        return password;
    }

    public int majorVersion() {
        return major;
    }

    /** What this server is, for the report: kind, version, and a version mismatch with staging if any. */
    public String note() {
        return note;
    }

    private int serverMajor() {
        try (Connection connection = connect("postgres")) {
            return ServerVersion.major(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("the scratch PostgreSQL does not answer: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (Exception e) {
            // a scratch server going away is not worth failing a run for
        }
    }

    /** Reads a server's version. */
    static final class ServerVersion {
        private ServerVersion() {
        }

        static int major(Connection connection) throws SQLException {
            try (Statement statement = connection.createStatement();
                 ResultSet result = statement.executeQuery("SHOW server_version_num")) {
                result.next();
                return Integer.parseInt(result.getString(1).trim()) / 10000;
            }
        }
    }
}
