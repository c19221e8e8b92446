package dev.greenlight.target;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.greenlight.config.AppConfig;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * Asks an application's health endpoint once, with timeouts, and says whether it is ok — or, when not, what
 * it saw in words a QA engineer understands. Used for readiness; the smoke suite checks health on its own.
 */
public final class HealthProbe {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final URI uri;
    private final String statusField;
    private final String okValue;
    private final Duration requestTimeout;

    public HealthProbe(AppConfig app) {
        this.client = HttpClient.newBuilder().connectTimeout(app.timeouts().connect()).build();
        this.uri = URI.create(app.baseUrl() + app.health().path());
        this.statusField = app.health().statusField();
        this.okValue = app.health().okValue();
        this.requestTimeout = app.timeouts().request();
    }

    /**
     * What one probe saw.
     *
     * @param ok          health said ok
     * @param answered    the application answered HTTP at all (whatever it said)
     * @param observation what was seen, in words
     */
    public record Result(boolean ok, boolean answered, String observation) {
    }

    public Result check() {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(requestTimeout).GET().build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            String body = response.body() == null ? "" : response.body();
            if (response.statusCode() != 200) {
                return new Result(false, true, "GET " + uri + " answered " + response.statusCode() + " " + abbreviate(body));
            }
            String status = field(body);
            if (!okValue.equals(status)) {
                return new Result(false, true, "GET " + uri + " answered 200 but " + statusField + " was '" + status + "', not '" + okValue + "'");
            }
            return new Result(true, true, "GET " + uri + " answered 200 with " + statusField + " '" + okValue + "'");
        } catch (HttpTimeoutException e) {
            return new Result(false, false, "GET " + uri + " did not answer within " + requestTimeout.toMillis() + " ms");
        } catch (ConnectException e) {
            return new Result(false, false, "GET " + uri + ": connection refused or unreachable");
        } catch (IOException e) {
            return new Result(false, false, "GET " + uri + ": " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(false, false, "interrupted while asking " + uri);
        }
    }

    public URI uri() {
        return uri;
    }

    private String field(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            for (String part : statusField.split("\\.")) {
                node = node == null ? null : node.get(part);
            }
            return node == null || node.isNull() ? null : node.asText();
        } catch (IOException e) {
            return "(not JSON: " + abbreviate(body) + ")";
        }
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }
}
