package dev.greenlight.migration;

import dev.greenlight.config.DatabaseConfig;
import dev.greenlight.config.Masker;
import dev.greenlight.config.MigrationConfig;
import dev.greenlight.config.Secret;
import dev.greenlight.db.ReadOnlyDatabase;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/**
 * One embedded PostgreSQL for the toolkit tests of this package, started on first use and stopped when the JVM
 * exits; each test makes its own databases on it, so tests never share data.
 */
final class TestDatabases {

    static final Path MIGRATIONS = Path.of("src/test/resources/dev/greenlight/migration/prisma/migrations");

    private static ScratchPostgres server;

    private TestDatabases() {
    }

    static synchronized ScratchPostgres server() {
        if (server == null) {
            server = ScratchPostgres.start(MigrationConfig.Scratch.EMBEDDED, 0, Duration.ofSeconds(60));
            ScratchPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "test-postgres-stop"));
        }
        return server;
    }

    static List<MigrationFolder> folders() {
        return MigrationFolder.readAll(MIGRATIONS);
    }

    /** A new database with the first {@code count} migrations applied the way Prisma applies them. */
    static String migrated(int count) throws SQLException {
        String name = server().createDatabase("app");
        try (Connection connection = server().connect(name)) {
            MigrationApplier.apply(connection, folders().subList(0, count));
        }
        return name;
    }

    /** {@code users} users with {@code postsEach} posts each, in one statement per table. */
    static void seed(String database, int users, int postsEach) throws SQLException {
        try (Connection connection = server().connect(database); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO \"User\" (email, name) SELECT 'user' || i || '@example.com', 'User ' || i"
                    + " FROM generate_series(1, " + users + ") i");
            statement.execute("INSERT INTO \"Post\" (\"updatedAt\", title, content, published, \"authorId\")"
                    + " SELECT timestamp '2024-10-01' + (i || ' minutes')::interval, 'Post ' || i, 'Content of post ' || i,"
                    + " i % 2 = 0, 1 + (i % " + users + ") FROM generate_series(1, " + users * postsEach + ") i");
        }
    }

    static void execute(String database, String... sql) throws SQLException {
        try (Connection connection = server().connect(database); Statement statement = connection.createStatement()) {
            for (String each : sql) {
                statement.execute(each);
            }
        }
    }

    static void update(String database, String sql, Object... parameters) throws SQLException {
        try (Connection connection = server().connect(database); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }

    static DatabaseConfig config(String database) {
        return new DatabaseConfig(server().jdbcUrl(database), server().user(), Secret.of(server().password()), null, null, null);
    }

    /** Greenlight's read-only view of {@code database}, as the suites get it. */
    static ReadOnlyDatabase readOnly(String database) {
        return new ReadOnlyDatabase(config(database), Masker.patternsOnly());
    }
}
