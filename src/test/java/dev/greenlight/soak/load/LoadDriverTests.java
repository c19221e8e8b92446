package dev.greenlight.soak.load;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Load driver: open model, latency from the intended start")
class LoadDriverTests {

    @Test
    @DisplayName("with one slot and a 100 ms server, requests due meanwhile start late and their wait is in the corrected latency")
    void shouldMeasureFromTheIntendedStart() {
        try (StubServer server = StubServer.start().delay(100)) {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            LoadDriver driver = new LoadDriver(client, new FixedMix(server.baseUrl() + "/", Duration.ofSeconds(5)), 1,
                    Duration.ofSeconds(5), Duration.ofMillis(10), 1000, Runnable::run);
            driver.start(new ArrivalSchedule(20, Duration.ZERO, Duration.ofMillis(500)));
            Awaitility.await("the schedule drains").atMost(Duration.ofSeconds(10))
                    .until(() -> driver.scheduleDone() && driver.outstanding() == 0);
            LoadInterval interval = driver.snapshot();

            assertThat(interval.finished()).as("requests finished").isEqualTo(10);
            assertThat(interval.late()).as("late starts").isGreaterThanOrEqualTo(8);
            assertThat(interval.corrected().getValueAtPercentile(50)).as("median latency from the intended start, µs").isGreaterThan(250_000);
            assertThat(interval.uncorrected().getValueAtPercentile(50)).as("median latency from the actual send, µs").isLessThan(250_000);
            assertThat(interval.corrected().getMaxValue()).as("worst latency from the intended start, µs").isGreaterThan(500_000);
        }
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
    @DisplayName("a status is an outcome: 5xx is an error, 4xx is not")
    void shouldClassifyStatuses() {
        assertThat(Outcome.ofStatus(503).error()).as("503 counts as an error").isTrue();
        assertThat(Outcome.ofStatus(404).error()).as("404 counts as an error").isFalse();
        assertThat(LoadDriver.classify(new java.net.http.HttpTimeoutException("slow"))).as("timeout").isEqualTo(Outcome.TIMEOUT);
        assertThat(LoadDriver.classify(new java.net.ConnectException("refused"))).as("refused").isEqualTo(Outcome.CONNECTION);
    }
}
