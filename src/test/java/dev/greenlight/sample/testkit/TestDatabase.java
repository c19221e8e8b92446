package dev.greenlight.sample.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fresh, empty database in the shared embedded PostgreSQL, with the Prisma URL an app would get
 * and a few read helpers for assertions.
 *
 * @param name the database name
 * @param port the embedded server's port
 */
public record TestDatabase(String name, int port) {

    /** The password in the URL; the server trusts local connections, so it only serves masking checks. */
    public static final String PASSWORD = "s3cret-Pa55";

    /** {@code postgresql://postgres:<password>@127.0.0.1:<port>/<name>?schema=public}. */
    public String prismaUrl() {
        return "postgresql://postgres:" + PASSWORD + "@127.0.0.1:" + port + "/" + name + "?schema=public";
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + name, "postgres", "");
    }

    /** Every row of a query as column → value maps. */
    public List<Map<String, Object>> rows(String sql, Object... params) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                ResultSetMetaData meta = result.getMetaData();
                List<Map<String, Object>> rows = new ArrayList<>();
                while (result.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int c = 1; c <= meta.getColumnCount(); c++) {
                        row.put(meta.getColumnLabel(c), result.getObject(c));
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Query failed: " + sql, e);
        }
    }

    /** The single value of a one-row, one-column query. */
    public Object value(String sql, Object... params) {
        List<Map<String, Object>> rows = rows(sql, params);
        return rows.isEmpty() ? null : rows.get(0).values().iterator().next();
    }
}
