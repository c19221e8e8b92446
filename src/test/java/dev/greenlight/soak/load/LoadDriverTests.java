package dev.greenlight.soak.load;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Load driver: open model, latency from the intended start")
class LoadDriverTests {

    private static LoadInterval drive(String url, LoadSettings settings, double rate, Duration duration) {
        try (LoadDriver driver = new LoadDriver(new FixedMix(url), settings)) {
            driver.start(new ArrivalSchedule(rate, Duration.ZERO, duration));
            Awaitility.await("the schedule drains").atMost(duration.plus(settings.timeout()).plusSeconds(10))
                    .until(() -> driver.scheduleDone() && driver.outstanding() == 0);
            return driver.snapshot();
        }
    }

    private static LoadSettings settings(int maxConcurrency, int timeoutMillis, int backlog, int eventLoops) {
        return new LoadSettings(maxConcurrency, Duration.ofMillis(timeoutMillis), Duration.ofSeconds(2), Duration.ofMillis(10),
                backlog, eventLoops);
    }

    @Test
    @DisplayName("with one slot and a 100 ms server, requests due meanwhile start late and their wait is in the corrected latency")
    void shouldMeasureFromTheIntendedStart() {
        try (StubServer server = StubServer.start().delay(100)) {
            LoadInterval interval = drive(server.baseUrl() + "/", settings(1, 5000, 1000, 1), 20, Duration.ofMillis(500));

            assertThat(interval.finished()).as("requests finished").isEqualTo(10);
            assertThat(interval.count(Outcome.OK)).as("answered").isEqualTo(10);
            assertThat(interval.late()).as("late starts").isGreaterThanOrEqualTo(8);
            assertThat(interval.corrected().getValueAtPercentile(50)).as("median latency from the intended start, µs").isGreaterThan(250_000);
            assertThat(interval.uncorrected().getValueAtPercentile(50)).as("median latency from the actual send, µs").isLessThan(250_000);
            assertThat(interval.corrected().getMaxValue()).as("worst latency from the intended start, µs").isGreaterThan(500_000);
        }
    }

    @Test
    @DisplayName("over two event loops, never more requests in flight than the bound, on at most that many kept-alive connections")
    void shouldKeepConcurrencyWithinItsBound() {
        try (StubServer server = StubServer.start().delay(50)) {
            LoadInterval interval = drive(server.baseUrl() + "/", settings(4, 5000, 1000, 2), 200, Duration.ofSeconds(1));

            assertThat(interval.count(Outcome.OK)).as("answered").isEqualTo(200);
            assertThat(server.maxOpen()).as("requests the server held at once").isEqualTo(4);
            assertThat(server.connections()).as("connections the server saw").isBetween(1, 4);
            assertThat(interval.late()).as("late starts, as 80/s is all four slots can do").isGreaterThan(50);
        }
    }

    @Test
    @DisplayName("a request with no answer within the timeout ends as a timeout, measured at the timeout")
    void shouldTimeOutEveryRequest() {
        try (StubServer server = StubServer.start().delay(3000)) {
            LoadInterval interval = drive(server.baseUrl() + "/", settings(8, 300, 1000, 1), 10, Duration.ofMillis(500));

            assertThat(interval.count(Outcome.TIMEOUT)).as("timeouts").isEqualTo(5);
            assertThat(interval.errors()).as("errors").isEqualTo(5);
            assertThat(interval.uncorrected().getMinValue()).as("shortest latency from the send, µs").isGreaterThanOrEqualTo(299_000);
            assertThat(interval.uncorrected().getMaxValue()).as("longest latency from the send, µs").isLessThan(1_000_000);
        }
    }

    @Test
    @DisplayName("with one slot busy and a backlog of two, the other seven requests due meanwhile are dropped and counted as errors")
    void shouldDropStartsBeyondTheBacklog() {
        try (StubServer server = StubServer.start().delay(300)) {
            LoadInterval interval = drive(server.baseUrl() + "/", settings(1, 5000, 2, 1), 100, Duration.ofMillis(100));

            assertThat(interval.finished()).as("requests finished or dropped").isEqualTo(10);
            assertThat(interval.count(Outcome.DROPPED)).as("dropped starts").isEqualTo(7);
            assertThat(interval.count(Outcome.OK)).as("answered").isEqualTo(3);
            assertThat(server.requests()).as("requests the server saw").isEqualTo(3);
        }
    }

    @Test
    @DisplayName("a refused connection is a connection error")
    void shouldCountARefusedConnection() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        LoadInterval interval = drive("http://127.0.0.1:" + port + "/", settings(2, 2000, 100, 1), 20, Duration.ofMillis(250));

        assertThat(interval.count(Outcome.CONNECTION)).as("connection errors").isEqualTo(5);
    }

    @Test
    @DisplayName("the schedule holds the rate: arrivals by time t follow the ramp, then the constant rate")
    void shouldScheduleARampThenAConstantRate() {
        ArrivalSchedule schedule = new ArrivalSchedule(100, Duration.ofSeconds(2), Duration.ofSeconds(10));

        assertThat(schedule.total()).as("arrivals in 10 s with a 2 s ramp to 100/s").isEqualTo(900);
        assertThat(schedule.offsetNanos(99) / 1e9).as("when the 100th arrival is due, s").isBetween(1.99, 2.01);
        assertThat((schedule.offsetNanos(899) - schedule.offsetNanos(399)) / 1e9).as("500 arrivals at full rate take, s").isBetween(4.99, 5.01);
    }

    @Test
    @DisplayName("a status is an outcome: 5xx is an error, 4xx is not; a timeout is a timeout, a refusal a connection error")
    void shouldClassifyOutcomes() {
        assertThat(Outcome.ofStatus(503).error()).as("503 counts as an error").isTrue();
        assertThat(Outcome.ofStatus(404).error()).as("404 counts as an error").isFalse();
        assertThat(LoadDriver.classify(new TimeoutException("slow"))).as("timeout").isEqualTo(Outcome.TIMEOUT);
        assertThat(LoadDriver.classify(new io.netty.channel.ConnectTimeoutException("slow connect"))).as("connect timeout").isEqualTo(Outcome.TIMEOUT);
        assertThat(LoadDriver.classify(new java.net.ConnectException("refused"))).as("refused").isEqualTo(Outcome.CONNECTION);
    }
}
