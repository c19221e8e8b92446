package dev.greenlight.sample.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.greenlight.sample.testkit.EmbeddedPostgresExtension;
import dev.greenlight.sample.testkit.Reply;
import dev.greenlight.sample.testkit.RunningApp;
import dev.greenlight.sample.testkit.TestDatabase;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EmbeddedPostgresExtension.class)
@DisplayName("Pool exhaustion: Prisma 6 fails with P2024, Prisma 7 waits")
class PoolPersonalityTests {

    /** Two connections, both held by the fault; {@code pool_timeout=1} shortens Prisma 6's 10 s wait. */
    private static Map<String, String> exhaustedPool(TestDatabase db, String prismaVersion) {
        return Map.of("PRISMA_VERSION", prismaVersion, "POOL_SIZE", "2", "DATABASE_URL", db.prismaUrl() + "&pool_timeout=1");
    }

    @Test
    void shouldFailWithP2024OnTheBaselineAfterThePoolTimeout(TestDatabase db) {
        try (RunningApp app = RunningApp.start(db, exhaustedPool(db, "6.19.0"), "pool-leak=2")) {
            await().atMost(Duration.ofSeconds(5)).until(() -> app.app().faults().heldConnections() == 2);

            Reply reply = app.get("/users");

            assertThat(reply.status()).isEqualTo(500);
            assertThat(reply.error()).isEqualTo("Internal Server Error");
            assertThat(reply.elapsed()).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
            assertThat(app.log()).contains("P2024: Timed out fetching a new connection from the connection pool");
        }
    }

    @Test
    void shouldWaitWithoutLimitOnTheCandidateUntilAConnectionFreesUp(TestDatabase db) throws Exception {
        try (RunningApp app = RunningApp.start(db, exhaustedPool(db, "7.0.1"), "pool-leak=2")) {
            await().atMost(Duration.ofSeconds(5)).until(() -> app.app().faults().heldConnections() == 2);

            CompletableFuture<Reply> waiting = app.sendAsync("GET", "/users", null, Map.of());

            await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3)).until(() -> !waiting.isDone());
            assertThat(app.get("/metrics").body()).contains("pg_pool_waiting_clients 1", "pg_pool_total_connections 2");
            assertThat(app.get("/api/health").status()).as("liveness answers while queries wait").isEqualTo(200);
            assertThat(app.log()).as("pool_timeout is a Prisma 6 setting").contains("pool_timeout in DATABASE_URL is ignored");
            app.faults("");
            Reply reply = waiting.get(5, TimeUnit.SECONDS);
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.elapsed()).as("exhaustion shows as latency").isGreaterThan(Duration.ofMillis(1500));
        }
    }
}
