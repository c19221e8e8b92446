package dev.greenlight.critical;

import dev.greenlight.db.ReadOnlyDatabase;
import dev.greenlight.testkit.SampleStaging;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** What the sample app's database holds for a tag, read directly (read-only) to check cleanup from outside the API. */
final class TaggedRows {

    private TaggedRows() {
    }

    /** Emails of users and titles of posts that start with {@code tag}, e.g. {@code user gl-...@greenlight.test}. */
    static List<String> startingWith(SampleStaging app, String tag) {
        ReadOnlyDatabase database = new ReadOnlyDatabase(app.target().config().database(), app.target().masker());
        return database.read("rows tagged " + tag, connection -> {
            List<String> rows = new ArrayList<>();
            try (PreparedStatement users = connection.prepareStatement("SELECT email FROM \"User\" WHERE email LIKE ? ORDER BY id");
                 PreparedStatement posts = connection.prepareStatement("SELECT title FROM \"Post\" WHERE title LIKE ? ORDER BY id")) {
                users.setString(1, like(tag));
                posts.setString(1, like(tag));
                collect(users, "user ", rows);
                collect(posts, "post ", rows);
            }
            return rows;
        });
    }

    private static void collect(PreparedStatement statement, String kind, List<String> into) throws SQLException {
        try (ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                into.add(kind + result.getString(1));
            }
        }
    }

    private static String like(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
