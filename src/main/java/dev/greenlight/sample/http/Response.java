package dev.greenlight.sample.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An answer: status, content type, body, extra headers, and for a 5xx the cause that goes to the log
 * (never to the client).
 */
public final class Response {

    /** The JSON mapper shared by the app (thread-safe, configured once). */
    public static final ObjectMapper JSON = new ObjectMapper();

    private final int status;
    private final String contentType;
    private final byte[] body;
    private final Map<String, List<String>> headers;
    private final String cause;

    private Response(int status, String contentType, byte[] body, Map<String, List<String>> headers, String cause) {
        this.status = status;
        this.contentType = contentType;
        this.body = body;
        this.headers = headers;
        this.cause = cause;
    }

    public static Response json(int status, Object value) {
        try {
            return new Response(status, "application/json; charset=utf-8", JSON.writeValueAsBytes(value),
                    new LinkedHashMap<>(), null);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize response", e);
        }
    }

    /** {@code {"error": message}} with the given status. */
    public static Response error(int status, String message) {
        return json(status, Map.of("error", message));
    }

    public static Response html(int status, String html) {
        return new Response(status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8),
                new LinkedHashMap<>(), null);
    }

    public static Response text(int status, String contentType, String text) {
        return new Response(status, contentType, text.getBytes(StandardCharsets.UTF_8), new LinkedHashMap<>(), null);
    }

    /** 303 See Other, the answer to a form post. */
    public static Response redirect(String location) {
        Response response = new Response(303, null, new byte[0], new LinkedHashMap<>(), null);
        return response.withHeader("Location", location);
    }

    public Response withHeader(String name, String value) {
        headers.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        return this;
    }

    /** The same answer, remembering why it failed for the log line. */
    public Response withCause(String cause) {
        return new Response(status, contentType, body, headers, cause);
    }

    public int status() {
        return status;
    }

    public String contentType() {
        return contentType;
    }

    public byte[] body() {
        return body;
    }

    public Map<String, List<String>> headers() {
        return headers;
    }

    public String cause() {
        return cause;
    }
}
