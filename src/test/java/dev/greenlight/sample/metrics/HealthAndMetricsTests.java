package dev.greenlight.sample.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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

@ExtendWith(EmbeddedPostgresExtension.class)
@DisplayName("Health, start-up log and Prometheus metrics")
class HealthAndMetricsTests {

    private static RunningApp app;

    @BeforeAll
    static void startApp(TestDatabase db) {
        app = RunningApp.start(db, Map.of("APP_VERSION", "9.9.9"), null);
    }

    @AfterAll
    static void stopApp() {
        app.close();
    }

    @Test
    void shouldReportVersionAndPrismaInHealth() {
        JsonNode health = app.get("/api/health").json();

        assertThat(health.get("status").asText()).isEqualTo("ok");
        assertThat(health.get("version").asText()).isEqualTo("9.9.9");
        assertThat(health.get("prisma").asText()).isEqualTo("7.0.1");
        assertThat(health.get("uptimeSeconds").isIntegralNumber()).isTrue();
    }

    @Test
    void shouldPingTheDatabaseThroughThePool() {
        Reply reply = app.get("/api/health/db");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("database").asText()).isEqualTo("postgresql");
        assertThat(reply.json().get("latencyMs").asDouble()).isPositive();
    }

    @Test
    void shouldLogStartupLinesAndNeverThePassword() {
        String log = app.log();

        assertThat(log).contains("Starting sample-staging-app 9.9.9")
                .contains("Prisma Client 7.0.1 (engine: client, driver adapter: @prisma/adapter-pg)")
                .contains("Migration 20240915093000_init applied")
                .contains("Active faults: none")
                .contains("Server listening on http://127.0.0.1:" + app.app().port())
                .doesNotContain(TestDatabase.PASSWORD)
                .doesNotContain(RunningApp.ADMIN_TOKEN);
        assertThat(log.lines()).allMatch(line -> line.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z (INFO |WARN |ERROR) .*"));
    }

    @Test
    void shouldExposeEveryMetricInPrometheusTextFormat() {
        app.get("/feed");
        app.get("/post/1");

        Reply metrics = app.get("/metrics");

        assertThat(metrics.header("Content-Type")).startsWith("text/plain; version=0.0.4");
        assertThat(metrics.body())
                .contains("# TYPE process_resident_memory_bytes gauge", "# TYPE process_cpu_seconds_total counter",
                        "# TYPE process_start_time_seconds gauge", "# TYPE nodejs_heap_size_used_bytes gauge",
                        "# TYPE http_request_duration_seconds histogram", "# TYPE db_query_duration_seconds histogram",
                        "# TYPE pg_pool_max_connections gauge", "# TYPE pg_pool_total_connections gauge",
                        "# TYPE pg_pool_idle_connections gauge", "# TYPE pg_pool_waiting_clients gauge",
                        "# TYPE db_connection_errors_total counter")
                .contains("http_request_duration_seconds_bucket{method=\"GET\",route=\"/post/:id\",status_code=\"200\",le=\"0.1\"}")
                .contains("http_request_duration_seconds_count{method=\"GET\",route=\"/feed\",status_code=\"200\"}")
                .contains("db_query_duration_seconds_count{model=\"Post\",operation=\"findMany\"}")
                .contains("pg_pool_max_connections 10")
                .contains("db_connection_errors_total 0");
        assertThat(metrics.body().lines().filter(l -> l.startsWith("http_request_duration_seconds") && l.contains("/metrics")))
                .as("scrapes are not counted as traffic").isEmpty();
    }

    @Test
    void shouldStartAndReportAnUnreachableDatabase(TestDatabase db) {
        String unreachable = "postgresql://postgres:" + TestDatabase.PASSWORD + "@127.0.0.1:1/" + db.name() + "?schema=public";
        try (RunningApp orphan = RunningApp.start(db, Map.of("DATABASE_URL", unreachable, "ADMIN_TOKEN", ""), null)) {
            Reply health = orphan.get("/api/health/db");

            assertThat(health.status()).isEqualTo(503);
            assertThat(health.json().get("error").asText()).isEqualTo("Can't reach database server at 127.0.0.1:1");
            assertThat(orphan.get("/users").status()).isEqualTo(503);
            assertThat(orphan.get("/api/health").status()).as("the process itself is up").isEqualTo(200);
            assertThat(orphan.get("/__admin/faults").status()).as("no ADMIN_TOKEN, no admin endpoint").isEqualTo(404);
            assertThat(orphan.get("/metrics").body()).contains("db_connection_errors_total 2");
            assertThat(orphan.log()).contains("P1001").doesNotContain(TestDatabase.PASSWORD);
        }
    }
}
