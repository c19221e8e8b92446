package dev.greenlight.db;

import dev.greenlight.config.DatabaseConfig;
import dev.greenlight.config.Masker;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * Greenlight's sessions on the application's database: read-only at every level PostgreSQL offers (the
 * session's {@code default_transaction_read_only}, the driver's read-only mode on every transaction, and a
 * check that the server agrees), with connect and statement timeouts. Nothing written through a connection
 * from here can reach staging data.
 */
public final class ReadOnlyDatabase {

    private final DatabaseConfig config;
    private final Masker masker;

    public ReadOnlyDatabase(DatabaseConfig config, Masker masker) {
        this.config = config;
        this.masker = masker;
    }

    /** Work done on a read-only connection. */
    @FunctionalInterface
    public interface Work<T> {
        T apply(Connection connection) throws SQLException;
    }

    /** Opens a read-only session; the caller closes it. */
    public Connection open() {
        if (!config.configured()) {
            throw new DatabaseAccessRefused("no database configured for Greenlight",
                    "set database.jdbcUrl (and database.user, database.password) in the target file", null);
        }
        Properties properties = new Properties();
        if (config.user() != null) {
            properties.setProperty("user", config.user());
        }
        if (config.password() != null) {
            properties.setProperty("password", config.password().reveal());
        }
        properties.setProperty("connectTimeout", String.valueOf(Math.max(1, config.connectTimeout().toSeconds())));
        properties.setProperty("socketTimeout", String.valueOf(Math.max(1, config.queryTimeout().toSeconds() + 5)));
        properties.setProperty("loginTimeout", String.valueOf(Math.max(1, config.connectTimeout().toSeconds())));
        properties.setProperty("ApplicationName", "greenlight");
        properties.setProperty("readOnly", "true");
        properties.setProperty("readOnlyMode", "always");
        properties.setProperty("options", "-c default_transaction_read_only=on -c statement_timeout=" + config.queryTimeout().toMillis());
        try {
            Connection connection = DriverManager.getConnection(config.jdbcUrl(), properties);
            connection.setReadOnly(true);
            try (Statement statement = connection.createStatement();
                 ResultSet result = statement.executeQuery("SHOW transaction_read_only")) {
                if (!result.next() || !"on".equals(result.getString(1))) {
                    connection.close();
                    throw new DatabaseAccessRefused("the database session is not read-only; Greenlight refuses to use it",
                            "give Greenlight a role whose sessions are read-only (ALTER ROLE <role> SET default_transaction_read_only = on)", null);
                }
            }
            return connection;
        } catch (SQLException e) {
            String message = "cannot connect to " + masker.mask(config.jdbcUrl()) + " as " + config.user() + ": " + masker.mask(e.getMessage());
            if (DatabaseAccessRefused.refusal(e)) {
                throw new DatabaseAccessRefused(message, DatabaseAccessRefused.fixFor(e.getSQLState()), e);
            }
            throw new DatabaseUnavailableException(message, e);
        }
    }

    /** Runs {@code work} on a fresh read-only session, turning SQL errors into one readable message. */
    public <T> T read(String what, Work<T> work) {
        try (Connection connection = open()) {
            return work.apply(connection);
        } catch (SQLException e) {
            String message = what + " failed on " + masker.mask(config.jdbcUrl()) + ": " + masker.mask(e.getMessage());
            if (DatabaseAccessRefused.refusal(e)) {
                throw new DatabaseAccessRefused(message, DatabaseAccessRefused.fixFor(e.getSQLState()), e);
            }
            throw new DatabaseUnavailableException(message, e);
        }
    }

    public DatabaseConfig config() {
        return config;
    }
}
