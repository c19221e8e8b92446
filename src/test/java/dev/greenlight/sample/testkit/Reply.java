package dev.greenlight.sample.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.net.http.HttpHeaders;
import java.time.Duration;

/**
 * One HTTP answer from the app: status, body, headers and how long it took.
 *
 * @param status  the status code
 * @param body    the body as text
 * @param headers the response headers
 * @param elapsed time from sending to the whole body
 */
public record Reply(int status, String body, HttpHeaders headers, Duration elapsed) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The body parsed as JSON. */
    public JsonNode json() {
        try {
            return JSON.readTree(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException("Not JSON (" + status + "): " + body, e);
        }
    }

    /** The {@code error} message of a JSON error body. */
    public String error() {
        return json().path("error").asText();
    }

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }
}
