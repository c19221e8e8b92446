package dev.greenlight.smoke;

import dev.greenlight.config.SmokeConfig.JsonExpectation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JsonExpectationsTests {

    private static final String FEED = "[{\"id\":1,\"title\":\"Hello\",\"published\":true,\"author\":{\"name\":\"Alice\"}},{\"id\":2,\"title\":\"Again\",\"published\":true}]";

    private static JsonExpectation equals(String path, String value) {
        return new JsonExpectation(path, value, null, null, null, null);
    }

    @Test
    void shouldPassWhenEveryExpectationHolds() {
        assertThat(JsonExpectations.violations(FEED, List.of(
                new JsonExpectation("$", null, null, "array", null, null),
                new JsonExpectation("size()", null, null, null, null, 2.0),
                equals("[0].published", "true"),
                new JsonExpectation("[0].author.name", null, true, null, null, null),
                new JsonExpectation("[1].author", null, false, null, null, null),
                new JsonExpectation("[1].title", null, null, null, "^Ag", null)))).isEmpty();
    }

    @Test
    void shouldSayWhatWasExpectedAndWhatWasThere() {
        assertThat(JsonExpectations.violations(FEED, List.of(
                new JsonExpectation("$", null, null, "object", null, null),
                new JsonExpectation("size()", null, null, null, null, 5.0),
                equals("[0].title", "Bye"),
                new JsonExpectation("[1].author", null, true, null, null, null))))
                .containsExactly(
                        "$: expected object, got array",
                        "size(): expected at least 5, got 2",
                        "[0].title: expected 'Bye', got 'Hello'",
                        "[1].author: expected to be present, but is missing");
    }

    @Test
    void shouldSayWhenTheBodyIsNotJson() {
        assertThat(JsonExpectations.violations("<html>oops</html>", List.of(equals("status", "ok"))))
                .singleElement().asString().startsWith("the body is not JSON");
    }
}
