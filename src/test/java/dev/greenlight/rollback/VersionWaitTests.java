package dev.greenlight.rollback;

import com.sun.net.httpserver.HttpServer;
import dev.greenlight.config.AppConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Waiting for a version: healthy and reporting it, within the budget, giving up when the process is gone")
class VersionWaitTests {

    private HttpServer server;
    private final AtomicReference<String> health = new AtomicReference<>("{\"status\":\"ok\",\"prisma\":\"7.0.1\"}");
    private final AtomicInteger looks = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/health", exchange -> {
            looks.incrementAndGet();
            byte[] body = health.get().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private AppConfig app() {
        return new AppConfig("http://127.0.0.1:" + server.getAddress().getPort(), null, null,
                new AppConfig.VersionConfig("7.0.1", "6.19.0", "prisma", null), null, new AppConfig.Readiness(null, Duration.ofMillis(50)));
    }

    @Test
    @DisplayName("Returns once health is ok and the payload reports the version, not before")
    void shouldWaitForTheVersion() {
        health.set("{\"status\":\"ok\",\"prisma\":\"7.0.1\"}");
        Thread switcher = new Thread(() -> {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> looks.get() >= 3);
            health.set("{\"status\":\"ok\",\"prisma\":\"6.19.0\"}");
        });
        switcher.start();

        VersionWait.Outcome outcome = VersionWait.await(app(), "6.19.0", Duration.ofSeconds(20), () -> false);

        assertThat(outcome.reached()).as("reached: %s", outcome.lastSeen()).isTrue();
        assertThat(looks.get()).as("looks at health").isGreaterThanOrEqualTo(3);
        assertThat(outcome.lastSeen()).as("last look").contains("'prisma' is '6.19.0'");
    }

    @Test
    @DisplayName("Says what it saw when the version never comes within the budget")
    void shouldGiveUpAtTheBudget() {
        VersionWait.Outcome outcome = VersionWait.await(app(), "6.19.0", Duration.ofSeconds(2), () -> false);

        assertThat(outcome.reached()).as("reached").isFalse();
        assertThat(outcome.gaveUp()).as("gave up early").isFalse();
        assertThat(outcome.describe("6.19.0", Duration.ofSeconds(2))).as("description")
                .startsWith("not healthy on 6.19.0 within 2s").contains("'prisma' is '7.0.1'");
    }

    @Test
    @DisplayName("Gives up at once when the process it waits for has exited")
    void shouldGiveUpWhenTheProcessIsGone() {
        VersionWait.Outcome outcome = VersionWait.await(app(), "6.19.0", Duration.ofMinutes(5), () -> true);

        assertThat(outcome.gaveUp()).as("gave up").isTrue();
        assertThat(outcome.took()).as("time spent waiting").isLessThan(Duration.ofMinutes(1));
    }

    @Test
    @DisplayName("An unhealthy answer is not the version, whatever the payload says")
    void shouldRequireHealth() {
        health.set("{\"status\":\"starting\",\"prisma\":\"6.19.0\"}");

        DeployedVersion.Seen seen = new DeployedVersion(app()).look();

        assertThat(seen.runs("6.19.0")).as("runs 6.19.0").isFalse();
        assertThat(seen.observation()).as("observation").contains("status was 'starting'");
    }
}
