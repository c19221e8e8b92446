package dev.greenlight.sample.data;

import dev.greenlight.sample.db.DataException;
import dev.greenlight.sample.db.Database;
import dev.greenlight.sample.db.Session;
import dev.greenlight.sample.http.ApiError;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The queries behind the Express example's routes, written as the SQL Prisma would send, one labelled
 * statement at a time ({@code Post.findMany}, {@code User.create}, ...). Unknown rows become 404 and a
 * taken email 409, with messages that name the id or email.
 */
public final class BlogStore {

    private static final String POST_COLUMNS =
            "p.\"id\", p.\"createdAt\", p.\"updatedAt\", p.\"title\", p.\"content\", p.\"published\", p.\"viewCount\", p.\"authorId\"";
    private static final String RETURNING =
            " RETURNING \"id\", \"createdAt\", \"updatedAt\", \"title\", \"content\", \"published\", \"viewCount\", \"authorId\"";
    private static final String WITH_AUTHOR = "SELECT " + POST_COLUMNS + ", u.\"id\", u.\"email\", u.\"name\""
            + " FROM \"Post\" p LEFT JOIN \"User\" u ON u.\"id\" = p.\"authorId\"";

    /** A post to create with a new user. */
    public record NewPost(String title, String content) {
    }

    private final Database db;

    public BlogStore(Database db) {
        this.db = db;
    }

    /** {@code POST /signup}: the user and their posts, in one transaction. */
    public User signup(String name, String email, List<NewPost> posts) {
        try {
            return db.transaction(session -> {
                User user = session.queryOne("User.create",
                        "INSERT INTO \"User\" (\"email\", \"name\") VALUES (?, ?) RETURNING \"id\", \"email\", \"name\"",
                        BlogStore::user, email, name).orElseThrow();
                LocalDateTime now = now();
                for (NewPost post : posts) {
                    session.update("Post.create", "INSERT INTO \"Post\" (\"createdAt\", \"updatedAt\", \"title\", \"content\", \"authorId\")"
                            + " VALUES (?, ?, ?, ?, ?)", now, now, post.title(), post.content(), user.id());
                }
                return user;
            });
        } catch (DataException e) {
            if (e.isUniqueViolation()) {
                throw ApiError.conflict("A user with email " + email + " already exists");
            }
            throw e;
        }
    }

    /** {@code POST /post}: a draft connected to the author with that email. */
    public Post createDraft(String title, String content, String authorEmail) {
        return createDraft(title, content, authorEmail, null);
    }

    /** {@code POST /post} with {@code createdAt}: the draft dated at that instant (now when null). */
    public Post createDraft(String title, String content, String authorEmail, Instant createdAt) {
        LocalDateTime now = now();
        LocalDateTime created = createdAt == null ? now : stamp(createdAt);
        return db.run(session -> session.queryOne("Post.create",
                "INSERT INTO \"Post\" (\"createdAt\", \"updatedAt\", \"title\", \"content\", \"authorId\")"
                        + " SELECT ?, ?, ?, ?, u.\"id\" FROM \"User\" u WHERE u.\"email\" = ?" + RETURNING,
                this::post, created, now, title, content, authorEmail))
                .orElseThrow(() -> ApiError.notFound("No user found with email " + authorEmail));
    }

    /** {@code PUT /post/:id/views}: viewCount + 1 in SQL (and updatedAt, as Prisma's @updatedAt does). */
    public Post incrementViews(int id) {
        return db.run(session -> session.queryOne("Post.update",
                "UPDATE \"Post\" SET \"viewCount\" = \"viewCount\" + 1, \"updatedAt\" = ? WHERE \"id\" = ?" + RETURNING,
                this::post, now(), id)).orElseThrow(() -> postNotFound(id));
    }

    /** {@code PUT /publish/:id}: toggles published, as the example does. */
    public Post togglePublished(int id) {
        return db.run(session -> session.queryOne("Post.update",
                "UPDATE \"Post\" SET \"published\" = NOT \"published\", \"updatedAt\" = ? WHERE \"id\" = ?" + RETURNING,
                this::post, now(), id)).orElseThrow(() -> postNotFound(id));
    }

    /** The web UI's publish button: sets published (idempotent, so a double click cannot unpublish). */
    public Post publish(int id) {
        return db.run(session -> session.queryOne("Post.update",
                "UPDATE \"Post\" SET \"published\" = true, \"updatedAt\" = ? WHERE \"id\" = ?" + RETURNING,
                this::post, now(), id)).orElseThrow(() -> postNotFound(id));
    }

    /** {@code DELETE /post/:id}. */
    public Post deletePost(int id) {
        return db.run(session -> session.queryOne("Post.delete",
                "DELETE FROM \"Post\" WHERE \"id\" = ?" + RETURNING, this::post, id))
                .orElseThrow(() -> postNotFound(id));
    }

    /** {@code GET /users}. */
    public List<User> users() {
        return db.run(session -> session.query("User.findMany",
                "SELECT \"id\", \"email\", \"name\" FROM \"User\" ORDER BY \"id\" ASC", BlogStore::user));
    }

    /** {@code GET /user/:id/drafts}: 404 for an unknown user. */
    public List<Post> drafts(int userId) {
        return db.run(session -> {
            findUser(session, userId);
            return session.query("Post.findMany", "SELECT " + POST_COLUMNS + " FROM \"Post\" p"
                    + " WHERE p.\"authorId\" = ? AND p.\"published\" = false ORDER BY p.\"id\" ASC", this::post, userId);
        });
    }

    /** The web UI's drafts page: every draft, or one author's, newest first, with authors. */
    public List<Post> draftsWithAuthors(Optional<String> authorEmail) {
        return db.run(session -> {
            if (authorEmail.isPresent()) {
                return session.query("Post.findMany", WITH_AUTHOR + " WHERE p.\"published\" = false AND u.\"email\" = ?"
                        + " ORDER BY p.\"id\" DESC", this::postWithAuthor, authorEmail.get());
            }
            return session.query("Post.findMany", WITH_AUTHOR + " WHERE p.\"published\" = false ORDER BY p.\"id\" DESC",
                    this::postWithAuthor);
        });
    }

    /** {@code GET /post/:id} with its author. */
    public Post post(int id) {
        return db.run(session -> session.queryOne("Post.findUnique", WITH_AUTHOR + " WHERE p.\"id\" = ?",
                this::postWithAuthor, id)).orElseThrow(() -> postNotFound(id));
    }

    /** The user with that email, if any. */
    public Optional<User> userByEmail(String email) {
        return db.run(session -> session.queryOne("User.findUnique",
                "SELECT \"id\", \"email\", \"name\" FROM \"User\" WHERE \"email\" = ?", BlogStore::user, email));
    }

    /** {@code GET /feed}: published posts with authors. */
    public List<Post> feed(FeedQuery query) {
        StringBuilder sql = new StringBuilder(WITH_AUTHOR).append(" WHERE p.\"published\" = true");
        List<Object> params = new ArrayList<>();
        if (!query.searchString().isEmpty()) {
            String pattern = "%" + escapeLike(query.searchString()) + "%";
            sql.append(" AND (p.\"title\" LIKE ? ESCAPE '\\' OR p.\"content\" LIKE ? ESCAPE '\\')");
            params.add(pattern);
            params.add(pattern);
        }
        String order = query.orderBy().map(o -> o.equals("desc") ? " ORDER BY p.\"updatedAt\" DESC, p.\"id\" DESC"
                : " ORDER BY p.\"updatedAt\" ASC, p.\"id\" ASC").orElse(" ORDER BY p.\"id\" ASC");
        sql.append(order);
        if (query.take().isPresent()) {
            sql.append(" LIMIT ?");
            params.add(query.take().get());
        }
        if (query.skip() > 0) {
            sql.append(" OFFSET ?");
            params.add(query.skip());
        }
        return db.run(session -> session.query("Post.findMany", sql.toString(), this::postWithAuthor, params.toArray()));
    }

    /** {@code DELETE /user/:id}: the user and their posts, in one transaction. */
    public User deleteUser(int id) {
        return db.transaction(session -> {
            findUser(session, id);
            session.update("Post.deleteMany", "DELETE FROM \"Post\" WHERE \"authorId\" = ?", id);
            return session.queryOne("User.delete", "DELETE FROM \"User\" WHERE \"id\" = ? RETURNING \"id\", \"email\", \"name\"",
                    BlogStore::user, id).orElseThrow(() -> userNotFound(id));
        });
    }

    private static User findUser(Session session, int id) throws SQLException {
        return session.queryOne("User.findUnique", "SELECT \"id\", \"email\", \"name\" FROM \"User\" WHERE \"id\" = ?",
                BlogStore::user, id).orElseThrow(() -> userNotFound(id));
    }

    /** Escapes LIKE wildcards so {@code contains} matches them literally, as Prisma does. */
    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static ApiError postNotFound(int id) {
        return ApiError.notFound("Post " + id + " not found");
    }

    private static ApiError userNotFound(int id) {
        return ApiError.notFound("User " + id + " not found");
    }

    private LocalDateTime now() {
        return stamp(Instant.now());
    }

    private static User user(ResultSet row) throws SQLException {
        return new User(row.getInt(1), row.getString(2), row.getString(3));
    }

    private Post post(ResultSet row) throws SQLException {
        int authorId = row.getInt(8);
        Integer author = row.wasNull() ? null : authorId;
        return new Post(row.getInt(1), instant(row, 2), instant(row, 3), row.getString(4), row.getString(5),
                row.getBoolean(6), row.getInt(7), author, null);
    }

    private Post postWithAuthor(ResultSet row) throws SQLException {
        Post post = post(row);
        int authorId = row.getInt(9);
        User author = row.wasNull() ? null : new User(authorId, row.getString(10), row.getString(11));
        return new Post(post.id(), post.createdAt(), post.updatedAt(), post.title(), post.content(), post.published(),
                post.viewCount(), post.authorId(), author);
    }

    /** A timestamp column as an instant: UTC, as Prisma keeps DateTime — or, with the time-zone fault, in that zone. */
    private Instant instant(ResultSet row, int column) throws SQLException {
        LocalDateTime value = row.getObject(column, LocalDateTime.class);
        return value == null ? null : value.atZone(zone()).toInstant();
    }

    /**
     * The column value for an instant: its UTC wall clock. With {@code timezone=<zone>} it is that zone's wall clock, as
     * {@code @prisma/adapter-pg} 7.0 sends a Date without its offset for a session that is not in UTC (prisma/prisma #28629);
     * reading it back the same way makes the API's round trip look right while the column is wrong.
     */
    private LocalDateTime stamp(Instant instant) {
        return LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MILLIS), zone());
    }

    private java.time.ZoneId zone() {
        return db.faults().timezone().orElse(ZoneOffset.UTC);
    }
}
