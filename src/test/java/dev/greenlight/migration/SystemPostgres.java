package dev.greenlight.migration;

import org.awaitility.Awaitility;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The machine's own PostgreSQL server (Debian's {@code /usr/lib/postgresql/<major>/bin}), started in a temporary
 * directory for a test that needs a server whose major version matches this machine's {@code pg_dump}
 * (embedded PostgreSQL is 17, {@code pg_dump} here is 15). Runs as {@code nobody} when the test runs as root.
 */
final class SystemPostgres implements AutoCloseable {

    private final Path bin;
    private final Path data;
    private final int port;

    private SystemPostgres(Path bin, Path data, int port) {
        this.bin = bin;
        this.data = data;
        this.port = port;
    }

    /** The server binaries of {@code major}, if installed. */
    static Path binaries(int major) {
        return Path.of("/usr/lib/postgresql/" + major + "/bin");
    }

    /**
     * The server matching this machine's {@code pg_dump}, with a database {@code app} migrated by the first two
     * migrations and 250 users; the calling test is skipped when that server is not installed.
     */
    static SystemPostgres startMatchingPgDumpWithApp() throws IOException, SQLException {
        int dumpMajor = PgTools.majorVersion("pg_dump");
        assumeTrue(dumpMajor > 0 && Files.isExecutable(binaries(dumpMajor).resolve("postgres")),
                "needs the PostgreSQL server matching pg_dump " + dumpMajor + " (Debian's postgresql-" + dumpMajor + ")");
        SystemPostgres server = start(dumpMajor);
        try (Connection connection = server.connect("postgres"); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE app");
        }
        try (Connection connection = server.connect("app")) {
            MigrationApplier.apply(connection, TestDatabases.folders().subList(0, 2));
            try (Statement statement = connection.createStatement()) {
                statement.execute("INSERT INTO \"User\" (email) SELECT 'u' || i || '@example.com' FROM generate_series(1, 250) i");
            }
        }
        return server;
    }

    static SystemPostgres start(int major) throws IOException {
        Path bin = binaries(major);
        Path data = Files.createTempDirectory("greenlight-pg" + major);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        SystemPostgres server = new SystemPostgres(bin, data, port);
        server.asOwner(List.of("chmod", "777", data.toString()), false);
        server.run(List.of(bin.resolve("initdb").toString(), "-D", data.resolve("db").toString(), "-U", "postgres",
                "--auth=trust", "-E", "UTF8", "--no-sync"));
        server.run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.resolve("db").toString(), "-w", "-t", "60",
                "-l", data.resolve("log").toString(), "-o", "-p " + port + " -k " + data + " -c listen_addresses=127.0.0.1", "start"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
            try (Connection connection = server.connect("postgres")) {
                return connection.isValid(2);
            }
        });
        return server;
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), "postgres", "");
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    private void run(List<String> command) throws IOException {
        asOwner(command, true);
    }

    private void asOwner(List<String> command, boolean dropRoot) throws IOException {
        List<String> full = new ArrayList<>();
        if (dropRoot && "root".equals(System.getProperty("user.name"))) {
            full.addAll(List.of("runuser", "-u", "nobody", "--"));
        }
        full.addAll(command);
        Process process = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(data.resolve("setup.log").toFile()).start();
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " failed: " + Files.readString(data.resolve("setup.log")));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.resolve("db").toString(), "-m", "immediate", "stop"));
        } finally {
            try (var files = Files.walk(data)) {
                for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }
}
