package dev.greenlight.sample.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.sample.testkit.Emails;
import dev.greenlight.sample.testkit.EmbeddedPostgresExtension;
import dev.greenlight.sample.testkit.Reply;
import dev.greenlight.sample.testkit.RunningApp;
import dev.greenlight.sample.testkit.TestDatabase;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EmbeddedPostgresExtension.class)
@DisplayName("The web UI serves browser journeys without JavaScript")
class WebUiTests {

    private static RunningApp app;

    @BeforeAll
    static void startApp(TestDatabase db) {
        app = RunningApp.start(db, null);
    }

    @AfterAll
    static void stopApp() {
        app.close();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String createDraft(String title, String email) {
        app.form("/ui/signup", "name=Writer&email=" + encode(email));
        Reply created = app.form("/ui/create", "title=" + encode(title) + "&content=Body&authorEmail=" + encode(email));
        assertThat(created.status()).as(created.body()).isEqualTo(303);
        return created.header("Location").substring("/p/".length());
    }

    @Test
    void shouldRenderTheFeedWithSearchFormAndPostMarkup() {
        String feed = app.get("/").body();

        assertThat(feed).contains("<title>", "<h1>", "id=\"search-form\"", "id=\"search-input\"", "name=\"searchString\"",
                "id=\"search-submit\"", "<article class=\"post\" data-post-id=\"", "<h2 class=\"post-title\">",
                "href=\"/signup\"", "href=\"/create\"", "href=\"/drafts\"");
        assertThat(app.get("/?searchString=Discord").body()).contains("Join the Prisma Discord").doesNotContain("Prisma on YouTube");
    }

    @Test
    void shouldSignUpThroughTheFormAndShowAFlashOnTheDrafts() {
        String email = Emails.unique("eve");

        Reply signup = app.form("/ui/signup", "name=Eve&email=" + encode(email));

        assertThat(signup.status()).isEqualTo(303);
        assertThat(signup.header("Location")).isEqualTo("/drafts?author=" + encode(email));
        String cookie = signup.header("Set-Cookie").split(";")[0];
        Reply drafts = app.send("GET", signup.header("Location"), null, Map.of("Cookie", cookie));
        assertThat(drafts.body()).contains("class=\"flash\"", "Welcome, Eve!");
    }

    @Test
    void shouldReRenderTheSignupFormWithAVisibleError() {
        String email = Emails.unique("dup");
        app.form("/ui/signup", "email=" + encode(email));

        Reply duplicate = app.form("/ui/signup", "name=Again&email=" + encode(email));
        Reply missing = app.form("/ui/signup", "name=NoEmail");

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.body()).contains("class=\"error\"", email, "id=\"signup-form\"", "value=\"Again\"");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(app.form("/ui/create", "title=T&authorEmail=nobody%40example.com").body()).contains("class=\"error\"", "nobody@example.com");
    }

    @Test
    void shouldCreateDraftPublishItAndShowItOnTheFeed() {
        String id = createDraft("Published through the UI", Emails.unique("pub"));

        String page = app.get("/p/" + id).body();
        Reply publish = app.form("/ui/publish/" + id, "");

        assertThat(page).contains("id=\"publish-button\"", "id=\"delete-button\"", "Draft");
        assertThat(publish.status()).isEqualTo(303);
        assertThat(publish.header("Location")).isEqualTo("/");
        assertThat(app.get("/").body()).contains("data-post-id=\"" + id + "\"");
        assertThat(app.form("/ui/delete/" + id, "").status()).isEqualTo(303);
        assertThat(app.get("/p/" + id).status()).isEqualTo(404);
    }

    @Test
    void shouldEscapeEverythingUsersWrite() {
        String id = createDraft("<script>alert('x')</script>", Emails.unique("xss"));

        assertThat(app.get("/p/" + id).body()).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
                .doesNotContain("<script>alert");
    }

    @Test
    void shouldServeAStaleWebFeedWhileTheApiStaysCurrent() {
        app.faults("ui-feed=stale");
        try {
            String id = createDraft("Fresh after the cache", Emails.unique("stale"));
            app.put("/publish/" + id, null);

            assertThat(app.get("/feed").body()).contains("Fresh after the cache");
            assertThat(app.get("/").body()).doesNotContain("Fresh after the cache");
        } finally {
            app.admin("DELETE", null);
        }
        assertThat(app.get("/").body()).contains("Fresh after the cache");
    }
}
