package dev.greenlight.soak.load;

import dev.greenlight.soak.profile.MixEntry;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Setup and cleanup steps retry what is safe to retry, so a transient failure leaves no test data behind")
class MixStepsTests {

    private static List<MixSteps.Step> run(StubServer server, String method) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        MixSteps steps = new MixSteps(client, server.baseUrl(), "gl-test", Duration.ofSeconds(2), new Pools(10), new AtomicLong());
        return steps.run(List.of(new MixEntry("step", method, "/thing", method.equals("POST") ? "{}" : null, 1, null)));
    }

    private static void failFirst(StubServer server, int failures) {
        AtomicInteger answered = new AtomicInteger();
        server.status(() -> answered.incrementAndGet() <= failures ? 500 : 200);
    }

    @Test
    @DisplayName("a DELETE answered 500 twice succeeds on its third try")
    void shouldRetryAnIdempotentStepAfterAServerError() throws Exception {
        try (StubServer server = StubServer.start()) {
            failFirst(server, 2);

            List<MixSteps.Step> steps = run(server, "DELETE");

            assertThat(steps).as("steps").singleElement().satisfies(step -> assertThat(step.ok()).as("the step in the end").isTrue());
            assertThat(server.requests()).as("requests the server saw").isEqualTo(3);
        }
    }

    @Test
    @DisplayName("a DELETE failing every time is reported after " + MixSteps.ATTEMPTS + " tries")
    void shouldGiveUpAfterItsAttempts() throws Exception {
        try (StubServer server = StubServer.start()) {
            failFirst(server, 100);

            List<MixSteps.Step> steps = run(server, "DELETE");

            assertThat(steps).as("steps").singleElement().satisfies(step -> assertThat(step.status()).as("last status").isEqualTo(500));
            assertThat(server.requests()).as("requests the server saw").isEqualTo(MixSteps.ATTEMPTS);
        }
    }

    @Test
    @DisplayName("a POST answered 500 is not repeated: it could create its row twice")
    void shouldNotRetryAPost() throws Exception {
        try (StubServer server = StubServer.start()) {
            failFirst(server, 1);

            List<MixSteps.Step> steps = run(server, "POST");

            assertThat(steps).as("steps").singleElement().satisfies(step -> assertThat(step.ok()).as("the step").isFalse());
            assertThat(server.requests()).as("requests the server saw").isEqualTo(1);
        }
    }
}
