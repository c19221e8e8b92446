package dev.greenlight.critical.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;

import java.io.IOException;

/**
 * The answer to a call expected to be refused (unknown id, duplicate email, malformed JSON), kept as it came so
 * a journey can judge it: a 4xx with a body that says what was wrong, never a 500.
 *
 * @param call   {@code POST /post}, for messages
 * @param status the HTTP status
 * @param body   the body as text
 */
public record ApiReply(String call, int status, String body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static ApiReply of(String call, Response response) {
        return new ApiReply(call, response.statusCode(), response.asString());
    }

    public boolean clientError() {
        return status >= 400 && status < 500;
    }

    /** The error message: the JSON {@code error} or {@code message} field when there is one, else the body itself. */
    public String errorMessage() {
        try {
            JsonNode node = JSON.readTree(body);
            for (String field : new String[]{"error", "message"}) {
                JsonNode value = node == null ? null : node.get(field);
                if (value != null && value.isTextual()) {
                    return value.asText();
                }
                if (value != null && value.isObject() && value.path("message").isTextual()) {
                    return value.path("message").asText();
                }
            }
        } catch (IOException e) {
            // not JSON: the body is the message
        }
        return body == null ? "" : body.strip();
    }

    /** {@code POST /post → 404 {"error":"..."}}, for assertion descriptions. */
    public String describe() {
        return call + " → " + status + " " + UnexpectedAnswer.abbreviate(body);
    }
}
