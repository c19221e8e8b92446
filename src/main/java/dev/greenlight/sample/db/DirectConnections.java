package dev.greenlight.sample.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** Opens physical connections for the configured database, with the session in UTC like Prisma's. */
public final class DirectConnections implements ConnectionPool.Opener {

    private final DatabaseUrl url;

    public DirectConnections(DatabaseUrl url) {
        this.url = url;
    }

    @Override
    public Connection open() throws SQLException {
        Connection connection = DriverManager.getConnection(url.jdbcUrl(), url.jdbcProperties());
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET TIME ZONE 'UTC'");
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    public DatabaseUrl url() {
        return url;
    }
}
