package dev.greenlight.sample.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.sample.testkit.Emails;
import dev.greenlight.sample.testkit.EmbeddedPostgresExtension;
import dev.greenlight.sample.testkit.Reply;
import dev.greenlight.sample.testkit.RunningApp;
import dev.greenlight.sample.testkit.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@ExtendWith(EmbeddedPostgresExtension.class)
@DisplayName("Bad input is always a 4xx JSON error, never a 500")
class ApiErrorTests {

    private static RunningApp app;

    @BeforeAll
    static void startApp(TestDatabase db) {
        app = RunningApp.start(db, null);
    }

    @AfterAll
    static void stopApp() {
        app.close();
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource(delimiter = '|', value = {
            "POST|/signup|{\"name\":\"x\"|400|Malformed JSON body",
            "POST|/signup|[1,2]|400|must be a JSON object",
            "POST|/signup|{\"name\":\"x\"}|400|Missing required field 'email'",
            "POST|/signup|{\"email\":42}|400|Field 'email' must be a string",
            "POST|/signup|{\"email\":\"a@b.c\",\"posts\":[{\"content\":\"no title\"}]}|400|posts[0].title",
            "POST|/post|{\"title\":\"t\"}|400|Missing required field 'authorEmail'",
            "POST|/post|{\"title\":\"t\",\"authorEmail\":\"ghost@example.com\"}|404|ghost@example.com",
            "PUT|/post/abc/views||400|Invalid id 'abc'",
            "PUT|/publish/99999999999||400|out of range",
            "PUT|/publish/123456||404|Post 123456 not found",
            "DELETE|/post/123456||404|Post 123456 not found",
            "GET|/post/123456||404|Post 123456 not found",
            "GET|/user/123456/drafts||404|User 123456 not found",
            "DELETE|/user/123456||404|User 123456 not found",
            "GET|/feed?take=many||400|Invalid take 'many'",
            "GET|/feed?skip=-1||400|Invalid skip '-1'",
            "GET|/feed?orderBy=sideways||400|Invalid orderBy 'sideways'",
            "PATCH|/post/1||405|not allowed",
            "POST|/users||405|not allowed",
            "GET|/no/such/route||404|Cannot GET /no/such/route"})
    void shouldAnswerBadInputWithAUsefulClientError(String method, String path, String body, int status, String message) {
        Reply reply = app.send(method, path, body, body == null ? Map.of() : Map.of("Content-Type", "application/json"));

        assertThat(reply.status()).as("%s %s answered %s", method, path, reply.body()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        assertThat(reply.error()).contains(message);
    }

    @Test
    void shouldAnswerDuplicateEmailWithConflictNamingIt() {
        String email = Emails.unique("dup");
        app.post("/signup", "{\"email\":\"" + email + "\"}");

        Reply again = app.post("/signup", "{\"email\":\"" + email + "\"}");

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.error()).contains(email);
    }

    @Test
    void shouldListAllowedMethodsOnWrongMethod() {
        Reply reply = app.send("PATCH", "/post/1", null, Map.of());

        assertThat(reply.header("Allow")).contains("GET").contains("DELETE");
        assertThat(app.log()).as("client errors are not logged as errors").doesNotContain("ERROR");
    }
}
