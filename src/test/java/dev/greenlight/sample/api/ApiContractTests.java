package dev.greenlight.sample.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.sample.testkit.Emails;
import dev.greenlight.sample.testkit.EmbeddedPostgresExtension;
import dev.greenlight.sample.testkit.Reply;
import dev.greenlight.sample.testkit.RunningApp;
import dev.greenlight.sample.testkit.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EmbeddedPostgresExtension.class)
@DisplayName("The REST API behaves like Prisma's Express example")
class ApiContractTests {

    private static final String ISO_MILLIS = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

    private static RunningApp app;

    @BeforeAll
    static void startApp(TestDatabase db) {
        app = RunningApp.start(db, null);
    }

    @AfterAll
    static void stopApp() {
        app.close();
    }

    private static JsonNode signup(String email, String postsJson) {
        Reply reply = app.post("/signup", "{\"name\":\"Ann\",\"email\":\"" + email + "\",\"posts\":" + postsJson + "}");
        assertThat(reply.status()).as("signup of %s: %s", email, reply.body()).isEqualTo(200);
        return reply.json();
    }

    private static JsonNode draft(String title, String content, String email) {
        Reply reply = app.post("/post", "{\"title\":\"" + title + "\",\"content\":\"" + content + "\",\"authorEmail\":\"" + email + "\"}");
        assertThat(reply.status()).as("draft: %s", reply.body()).isEqualTo(200);
        return reply.json();
    }

    @Test
    void shouldSignUpUserWithPostsAndReturnOnlyUserFields() {
        String email = Emails.unique("ann");

        JsonNode user = signup(email, "[{\"title\":\"First\",\"content\":\"Hello\"}]");

        assertThat(user.fieldNames()).toIterable().containsExactly("id", "email", "name");
        assertThat(user.get("email").asText()).isEqualTo(email);
        assertThat(app.get("/user/" + user.get("id").asInt() + "/drafts").json()).as("the nested post is a draft").hasSize(1);
    }

    @Test
    void shouldCreateDraftCountViewsAndTogglePublished() {
        String email = Emails.unique("bob");
        signup(email, "[]");
        JsonNode post = draft("Draft title", "Body", email);

        assertThat(post.fieldNames()).toIterable()
                .containsExactly("id", "createdAt", "updatedAt", "title", "content", "published", "viewCount", "authorId");
        assertThat(post.get("createdAt").asText()).matches(ISO_MILLIS);
        assertThat(post.get("published").asBoolean()).isFalse();
        int id = post.get("id").asInt();

        assertThat(app.put("/post/" + id + "/views", null).json().get("viewCount").asInt()).isEqualTo(1);
        assertThat(app.put("/post/" + id + "/views", null).json().get("viewCount").asInt()).isEqualTo(2);
        JsonNode published = app.put("/publish/" + id, null).json();
        assertThat(published.get("published").asBoolean()).as("publish toggles on").isTrue();
        assertThat(published.get("updatedAt").asText()).isGreaterThanOrEqualTo(post.get("updatedAt").asText());
        assertThat(app.put("/publish/" + id, null).json().get("published").asBoolean()).as("and off again").isFalse();

        JsonNode fetched = app.get("/post/" + id).json();
        assertThat(fetched.get("author").get("email").asText()).isEqualTo(email);
        assertThat(app.delete("/post/" + id).json().get("id").asInt()).isEqualTo(id);
        assertThat(app.get("/post/" + id).status()).isEqualTo(404);
    }

    @Test
    void shouldSearchFeedLiterallyIncludingLikeWildcards() {
        String email = Emails.unique("cat");
        signup(email, "[]");
        String marker = "zz" + Long.toHexString(System.nanoTime());
        int literal = draft(marker + " 50% off", "x", email).get("id").asInt();
        int other = draft(marker + " 50 percent", "x", email).get("id").asInt();
        app.put("/publish/" + literal, null);
        app.put("/publish/" + other, null);

        JsonNode percent = app.get("/feed?searchString=" + marker + "%2050%25").json();
        JsonNode anyCase = app.get("/feed?searchString=" + marker.toUpperCase()).json();

        assertThat(percent).as("%% matches itself, not anything").hasSize(1);
        assertThat(percent.get(0).get("id").asInt()).isEqualTo(literal);
        assertThat(percent.get(0).get("author").get("email").asText()).isEqualTo(email);
        assertThat(anyCase).as("contains is case-sensitive on PostgreSQL").isEmpty();
    }

    @Test
    void shouldPageAndOrderTheFeed() {
        JsonNode all = app.get("/feed").json();
        JsonNode page = app.get("/feed?skip=1&take=2").json();
        JsonNode newest = app.get("/feed?orderBy=desc&take=3").json();

        List<Integer> ids = new ArrayList<>();
        all.forEach(p -> ids.add(p.get("id").asInt()));
        assertThat(ids).as("default order is by id").isSorted();
        assertThat(page).hasSize(2);
        assertThat(page.get(0).get("id").asInt()).isEqualTo(ids.get(1));
        assertThat(newest.get(0).get("updatedAt").asText()).isGreaterThanOrEqualTo(newest.get(2).get("updatedAt").asText());
        all.forEach(p -> assertThat(p.get("published").asBoolean()).isTrue());
    }

    @Test
    void shouldDeleteUserTogetherWithTheirPosts() {
        String email = Emails.unique("dan");
        int userId = signup(email, "[{\"title\":\"a\"},{\"title\":\"b\"}]").get("id").asInt();

        Reply deleted = app.delete("/user/" + userId);

        assertThat(deleted.json().get("email").asText()).isEqualTo(email);
        assertThat(app.get("/user/" + userId + "/drafts").status()).isEqualTo(404);
        assertThat(app.get("/users").body()).doesNotContain(email);
    }
}
