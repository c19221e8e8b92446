package dev.greenlight.sample.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Deterministic demo data for an empty database: ten users (Prisma's Alice, Nilu and Mahmoud among
 * them) and forty posts, mixed published and drafts, with fixed timestamps so two seeded databases
 * are identical row for row.
 */
public final class DemoData {

    private record SeedUser(String name, String email) {
    }

    private record SeedPost(String title, String content, boolean published) {
    }

    private static final List<SeedUser> USERS = List.of(
            new SeedUser("Alice", "alice@prisma.io"),
            new SeedUser("Nilu", "nilu@prisma.io"),
            new SeedUser("Mahmoud", "mahmoud@prisma.io"),
            new SeedUser("Sofia Álvarez", "sofia.alvarez@example.com"),
            new SeedUser("Kenji Tanaka", "kenji.tanaka@example.com"),
            new SeedUser("Amara Okafor", "amara.okafor@example.com"),
            new SeedUser("Lukas Schmidt", "lukas.schmidt@example.com"),
            new SeedUser("Priya Raman", "priya.raman@example.com"),
            new SeedUser("Seán O'Brien", "sean.obrien@example.com"),
            new SeedUser(null, "ops-bot@example.com"));

    private static final List<SeedPost> POSTS = List.of(
            new SeedPost("Join the Prisma Discord", "https://pris.ly/discord", true),
            new SeedPost("Prisma on YouTube", "https://pris.ly/youtube", true),
            new SeedPost("Follow Prisma on Twitter", "https://www.twitter.com/prisma", true),
            new SeedPost("Ask a question about Prisma on GitHub", "https://www.github.com/prisma/prisma/discussions", true),
            new SeedPost("Getting started with PostgreSQL indexes", "A B-tree index speeds up equality and range lookups.", true),
            new SeedPost("Draft: connection pooling notes", "Pool size, wait limits and what happens under load.", false),
            new SeedPost("100% type-safe database access", "Generated types catch mistakes before they reach production.", true),
            new SeedPost("Using snake_case columns with @map", "Keep camelCase fields in code and snake_case in the table.", true),
            new SeedPost("Migrating from Prisma 6 to 7", "The driver adapter becomes the default way to connect.", true),
            new SeedPost("Escaping <b>HTML</b> in templates", "Never trust user input: <script>alert('x')</script> must stay text.", true),
            new SeedPost("Weekly release notes", "Bug fixes and small improvements across the stack.", true),
            new SeedPost("Draft: zero-downtime deploys", "Expand, migrate, contract.", false),
            new SeedPost("Observability for Node.js services", "Metrics, logs and traces: start with RED metrics.", true),
            new SeedPost("Soft deletes or hard deletes?", "Trade-offs between auditability and simplicity.", true),
            new SeedPost("Draft: rollback checklist", null, false),
            new SeedPost("Understanding transaction isolation", "Read committed is PostgreSQL's default level.", true),
            new SeedPost("Pagination with skip and take", "Offset pagination is simple; cursors scale better.", true),
            new SeedPost("Full-text search in PostgreSQL", "tsvector and tsquery beat LIKE for large texts.", true),
            new SeedPost("Draft: seeding test data", "Deterministic seeds make diffs meaningful.", false),
            new SeedPost("Caching strategies that level off", "A bounded cache grows, then stays flat.", true),
            new SeedPost("Memory leaks in long-running services", "A heap that only grows is a leak, not a cache.", true),
            new SeedPost("Draft: incident review template", "What happened, impact, timeline, follow-ups.", false),
            new SeedPost("Designing health endpoints", "Separate liveness from database readiness.", true),
            new SeedPost("Feature flags without regret", "Remove flags once the rollout is done.", true),
            new SeedPost("Draft: on-call handbook", "Escalation paths and runbooks.", false),
            new SeedPost("Schema drift and how to catch it", "Compare checksums of applied migrations with the files.", true),
            new SeedPost("Writing good commit messages", "Say why, not what.", true),
            new SeedPost("Draft: API versioning", "Additive changes first.", false),
            new SeedPost("Load testing on a budget", "Bounded loops, local targets, clear stop conditions.", true),
            new SeedPost("Percentiles are not averages", "p95 tells you about the slow tail.", true),
            new SeedPost("Draft: database backups", "Test your restores, not just your backups.", false),
            new SeedPost("Error budgets explained", "A 1% error rate spends the budget fast.", true),
            new SeedPost("Café culture and remote teams", "Unicode in titles should round-trip: naïve, façade, 東京.", true),
            new SeedPost("Draft: accessibility audit", "Labels, contrast and keyboard navigation.", false),
            new SeedPost("Connection limits in serverless", "Each function instance opens its own pool.", true),
            new SeedPost("Reading EXPLAIN ANALYZE", "Look at actual rows versus estimated rows.", true),
            new SeedPost("Draft: quarterly roadmap", "Reliability first.", false),
            new SeedPost("Blue-green deployments", "Two environments, one switch.", true),
            new SeedPost("Draft: Prisma 7 upgrade plan", "Staging soak for 24 to 48 hours before production.", false),
            new SeedPost("Thank you for reading", "See you next week.", true));

    private static final Instant BASE = Instant.parse("2024-10-01T09:00:00.000Z");

    private DemoData() {
    }

    /** Inserts the demo data in one transaction if {@code "User"} has no rows; answers the posts inserted. */
    public static int seedIfEmpty(Connection connection) throws SQLException {
        try (Statement count = connection.createStatement();
                ResultSet rows = count.executeQuery("SELECT count(*) FROM \"User\"")) {
            rows.next();
            if (rows.getLong(1) > 0) {
                return 0;
            }
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            int[] userIds = new int[USERS.size()];
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO \"User\" (\"email\", \"name\") VALUES (?, ?) RETURNING \"id\"")) {
                for (int i = 0; i < USERS.size(); i++) {
                    insert.setString(1, USERS.get(i).email());
                    insert.setString(2, USERS.get(i).name());
                    try (ResultSet id = insert.executeQuery()) {
                        id.next();
                        userIds[i] = id.getInt(1);
                    }
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO \"Post\" (\"createdAt\", \"updatedAt\", \"title\", \"content\", \"published\","
                            + " \"viewCount\", \"authorId\") VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < POSTS.size(); i++) {
                    SeedPost post = POSTS.get(i);
                    Instant created = BASE.plusSeconds(i * 3L * 3600 + i * 97L);
                    Instant updated = created.plusSeconds((i % 5) * 1800L);
                    insert.setObject(1, LocalDateTime.ofInstant(created, ZoneOffset.UTC));
                    insert.setObject(2, LocalDateTime.ofInstant(updated, ZoneOffset.UTC));
                    insert.setString(3, post.title());
                    insert.setString(4, post.content());
                    insert.setBoolean(5, post.published());
                    insert.setInt(6, post.published() ? (i * 37) % 250 : 0);
                    insert.setInt(7, userIds[i % userIds.length]);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            connection.commit();
            return POSTS.size();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }
}
