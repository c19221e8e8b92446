package dev.greenlight.critical;

import dev.greenlight.target.EmbeddedDatabase;
import dev.greenlight.testkit.SampleStaging;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows written straight into the sample app's database for a self-test — as another run, long ago, would have
 * left them — and removed again when closed (whatever the run under test did not remove). Self-test fixture only.
 */
final class PlantedRows implements AutoCloseable {

    private final Connection db;
    private final List<Long> users = new ArrayList<>();
    private final List<Long> posts = new ArrayList<>();
    private final Map<String, Long> ids = new LinkedHashMap<>();
    private long author;

    private PlantedRows(Connection db) {
        this.db = db;
    }

    static PlantedRows in(SampleStaging app) {
        EmbeddedDatabase database = app.target().database();
        try {
            return new PlantedRows(database.superuserConnection(database.database()));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the sample app's database", e);
        }
    }

    /** A user; posts planted next are theirs. */
    PlantedRows user(String email) {
        author = insert("INSERT INTO \"User\" (email, name) VALUES (?, 'Planted') RETURNING id", email);
        users.add(author);
        ids.put(email, author);
        return this;
    }

    /** The first seeded user, who is not Greenlight's; posts planted next are theirs. */
    PlantedRows seededAuthor() {
        author = query("SELECT id FROM \"User\" WHERE email = 'alice@prisma.io'");
        return this;
    }

    /** A post by the current author, last changed {@code age} ago. */
    PlantedRows post(String title, boolean published, Duration age) {
        posts.add(insert("INSERT INTO \"Post\" (\"createdAt\", \"updatedAt\", title, published, \"authorId\") "
                + "VALUES (now() - ?::interval, now() - ?::interval, ?, " + published + ", " + author + ") RETURNING id",
                age.toSeconds() + " seconds", age.toSeconds() + " seconds", title));
        return this;
    }

    long idOf(String email) {
        return ids.get(email);
    }

    private long insert(String sql, String... values) {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setString(i + 1, values[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot plant a row: " + sql, e);
        }
    }

    private long query(String sql) {
        try (PreparedStatement statement = db.prepareStatement(sql); ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    @Override
    public void close() {
        try (db; PreparedStatement deletePosts = db.prepareStatement("DELETE FROM \"Post\" WHERE id = ANY (?)");
             PreparedStatement deleteUsers = db.prepareStatement("DELETE FROM \"User\" WHERE id = ANY (?)")) {
            deletePosts.setArray(1, db.createArrayOf("bigint", posts.toArray()));
            deletePosts.executeUpdate();
            deleteUsers.setArray(1, db.createArrayOf("bigint", users.toArray()));
            deleteUsers.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot remove the planted rows", e);
        }
    }
}
