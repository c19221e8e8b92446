package dev.greenlight.target;

import com.sun.net.httpserver.HttpServer;
import dev.greenlight.config.AppConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Readiness: bounded waits with a message that says what was seen")
class ReadinessTests {

    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private String serve(int status, String body) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/health", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static AppConfig app(String baseUrl, Duration timeout) {
        return new AppConfig(baseUrl, null, null, null, new AppConfig.Timeouts(Duration.ofMillis(500), Duration.ofSeconds(1)),
                new AppConfig.Readiness(timeout, Duration.ofMillis(100)));
    }

    @Test
    void shouldReturnOnceHealthIsOk() throws IOException {
        String url = serve(200, "{\"status\":\"ok\"}");
        assertThat(Readiness.await("t", app(url, Duration.ofSeconds(5)), () -> false, () -> "", Readiness.Mode.HEALTHY).took())
                .isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void shouldFailWithinTheTimeoutWhenNothingListens() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        long started = System.nanoTime();

        assertThatThrownBy(() -> Readiness.await("staging", app("http://127.0.0.1:" + closedPort, Duration.ofSeconds(2)), () -> false, () -> " (log)",
                Readiness.Mode.ANSWERING))
                .isInstanceOf(TargetNotReadyException.class)
                .hasMessageContaining("target 'staging' did not become ready within 2s (app.readiness.timeout)")
                .hasMessageContaining("connection refused")
                .hasMessageEndingWith(" (log)");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(6));
    }

    @Test
    void shouldSayWhatTheUnhealthyAppAnswered() throws IOException {
        String url = serve(503, "{\"status\":\"error\"}");

        assertThatThrownBy(() -> Readiness.await("t", app(url, Duration.ofSeconds(1)), () -> false, () -> "", Readiness.Mode.HEALTHY))
                .hasMessageContaining("answered 503 {\"status\":\"error\"}");
    }

    @Test
    void shouldAcceptAnAnsweringButUnhealthyDeploymentSoSmokeCanReportIt() throws IOException {
        String url = serve(503, "{\"status\":\"error\"}");

        Readiness.Outcome outcome = Readiness.await("t", app(url, Duration.ofSeconds(1)), () -> false, () -> "", Readiness.Mode.ANSWERING);

        assertThat(outcome.healthy()).isFalse();
        assertThat(outcome.lastSeen()).contains("answered 503");
    }

    @Test
    void shouldStopWaitingWhenTheProcessDied() throws IOException {
        String url = serve(503, "{}");
        long started = System.nanoTime();

        assertThatThrownBy(() -> Readiness.await("t", app(url, Duration.ofSeconds(30)), () -> true, () -> " exited 1",
                Readiness.Mode.HEALTHY))
                .hasMessageContaining("stopped before it became ready").hasMessageContaining("exited 1");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }
}
