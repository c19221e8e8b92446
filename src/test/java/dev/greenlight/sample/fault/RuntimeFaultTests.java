package dev.greenlight.sample.fault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.sample.testkit.EmbeddedPostgresExtension;
import dev.greenlight.sample.testkit.Reply;
import dev.greenlight.sample.testkit.RunningApp;
import dev.greenlight.sample.testkit.TestDatabase;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EmbeddedPostgresExtension.class)
@DisplayName("Run-time faults visibly change behaviour and switch off again")
class RuntimeFaultTests {

    private static RunningApp app;

    @BeforeAll
    static void startApp(TestDatabase db) {
        app = RunningApp.start(db, null);
    }

    @AfterAll
    static void stopApp() {
        app.close();
    }

    @AfterEach
    void clearFaults() {
        assertThat(app.admin("DELETE", null).json().get("runtime").asText()).isEqualTo("none");
    }

    @Test
    void shouldDelayApiAndUiButNotHealth() {
        app.faults("latency=300ms");

        assertThat(app.get("/users").elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(app.get("/").elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(app.get("/api/health").elapsed()).isLessThan(Duration.ofMillis(300));
    }

    @Test
    void shouldFailApiRequestsWithoutDoingTheWork() {
        app.faults("errors=100%");

        Reply reply = app.post("/signup", "{\"email\":\"never-created@example.com\"}");

        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.error()).isEqualTo("Internal Server Error");
        assertThat(app.get("/api/health").status()).isEqualTo(200);
        app.faults("errors=0%");
        assertThat(app.get("/users").body()).doesNotContain("never-created@example.com");
        assertThat(app.log()).contains("POST /signup -> 500: injected fault errors=");
    }

    @Test
    void shouldTakeDownOnlyTheNamedPrefixes() {
        app.faults("down=/publish,down=/ui/publish");

        assertThat(app.put("/publish/1", null).status()).isEqualTo(500);
        assertThat(app.form("/ui/publish/1", "").status()).isEqualTo(500);
        assertThat(app.get("/feed").status()).isEqualTo(200);
        assertThat(app.put("/post/1/views", null).status()).isEqualTo(200);
    }

    @Test
    void shouldBreakSearchButNotThePlainFeed() {
        app.faults("search=broken");

        assertThat(app.get("/feed?searchString=Prisma").status()).isEqualTo(500);
        assertThat(app.get("/?searchString=Prisma").status()).isEqualTo(500);
        assertThat(app.get("/feed").status()).isEqualTo(200);
        assertThat(app.get("/feed?searchString=").status()).isEqualTo(200);
    }

    @Test
    void shouldLoseTheDatabaseButKeepTheProcessHealthy() {
        app.faults("db=down");

        Reply users = app.get("/users");

        assertThat(users.status()).isEqualTo(503);
        assertThat(users.error()).startsWith("Can't reach database server at 127.0.0.1:");
        assertThat(app.get("/api/health/db").status()).isEqualTo(503);
        assertThat(app.get("/api/health").status()).isEqualTo(200);
        assertThat(app.get("/metrics").body()).containsPattern("db_connection_errors_total [1-9]");
    }

    @Test
    void shouldReportHealthDown() {
        app.faults("health=down");

        Reply health = app.get("/api/health");

        assertThat(health.status()).isEqualTo(503);
        assertThat(health.json().get("status").asText()).isEqualTo("error");
    }

    @Test
    void shouldSpendSlowQueryTimeInsideTheDatabase() {
        app.faults("slow-queries=80ms");

        assertThat(app.get("/api/health/db").json().get("latencyMs").asDouble()).isGreaterThanOrEqualTo(80);
        assertThat(app.get("/post/1").elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(80));
    }

    @Test
    void shouldSlowDownInProportionToTheRequestsOwnHandlingTime() {
        app.faults("slow-queries=100ms,slowdown=100%");

        assertThat(app.get("/post/1").elapsed()).as("100 ms in the database, doubled").isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }

    @Test
    void shouldRetainMemoryForLeakAndLevelOffForCache() {
        long leakedBefore = app.app().faults().leakedBytes();
        app.faults("leak=16KB,cache=64KB");

        for (int i = 0; i < 10; i++) {
            app.get("/users");
        }

        assertThat(app.app().faults().leakedBytes() - leakedBefore).as("16 KB per API request").isEqualTo(10 * 16 * 1024);
        assertThat(app.app().faults().cachedBytes()).as("the cache stops at its cap").isEqualTo(64 * 1024);
    }

    @Test
    void shouldGuardTheAdminEndpointAndRefuseStartOnlyFaults() {
        assertThat(app.get("/__admin/faults").status()).isEqualTo(401);
        assertThat(app.send("GET", "/__admin/faults", null, Map.of("Authorization", "Bearer wrong")).status()).isEqualTo(403);

        Reply startOnly = app.admin("PUT", "{\"faults\":\"version=7.0.0,corrupt=2\"}");
        Reply unknown = app.admin("PUT", "{\"faults\":\"latency=soon\"}");
        Reply malformed = app.admin("PUT", "latency=1s");

        assertThat(startOnly.status()).isEqualTo(400);
        assertThat(startOnly.error()).contains("version", "corrupt", "start-up");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.error()).contains("latency=soon");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(app.log()).contains("Faults changed through the admin endpoint");
    }
}
