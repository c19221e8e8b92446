package dev.greenlight.sample.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Injects a {@link TestDatabase}: a new empty database in one embedded PostgreSQL that is started
 * once per test run (kept in the root store, closed when the run ends).
 */
public final class EmbeddedPostgresExtension implements ParameterResolver {

    static {
        // PostgreSQL's own log (every rejected duplicate, every checkpoint) would drown the test output.
        if (System.getProperty("org.slf4j.simpleLogger.log.io.zonky") == null) {
            System.setProperty("org.slf4j.simpleLogger.log.io.zonky", "warn");
        }
    }

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(EmbeddedPostgresExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Server server = context.getRoot().getStore(NAMESPACE).computeIfAbsent(Server.class, k -> Server.start(), Server.class);
        return server.createDatabase();
    }

    /** The running server; closed by JUnit at the end of the run. */
    static final class Server implements AutoCloseable {

        private final EmbeddedPostgres postgres;
        private final AtomicInteger databases = new AtomicInteger();

        private Server(EmbeddedPostgres postgres) {
            this.postgres = postgres;
        }

        static Server start() {
            try {
                return new Server(EmbeddedPostgres.builder().start());
            } catch (IOException e) {
                throw new ParameterResolutionException("Embedded PostgreSQL did not start: " + e.getMessage(), e);
            }
        }

        TestDatabase createDatabase() {
            String name = "sample_" + databases.incrementAndGet();
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + name);
            } catch (SQLException e) {
                throw new ParameterResolutionException("Cannot create database " + name + ": " + e.getMessage(), e);
            }
            return new TestDatabase(name, postgres.getPort());
        }

        @Override
        public void close() throws IOException {
            postgres.close();
        }
    }
}
