package dev.greenlight.rollback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.greenlight.config.AppConfig;
import dev.greenlight.target.HealthProbe;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Which version a deployment runs, and whether it is healthy: the target's {@link HealthProbe} says healthy or not,
 * then the version is read from the health payload's {@code app.version.healthField}. One look, every call with the
 * target's connect and request timeouts.
 */
public final class DeployedVersion {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AppConfig app;
    private final HealthProbe health;
    private final HttpClient client;

    public DeployedVersion(AppConfig app) {
        this.app = app;
        this.health = new HealthProbe(app);
        this.client = HttpClient.newBuilder().connectTimeout(app.timeouts().connect()).build();
    }

    /**
     * What one look saw.
     *
     * @param healthy     health said ok
     * @param version     the version in the health payload; null when unhealthy or absent
     * @param observation what was seen, in words
     */
    public record Seen(boolean healthy, String version, String observation) {

        /** Healthy and running {@code expected}. */
        public boolean runs(String expected) {
            return healthy && expected != null && expected.equals(version);
        }
    }

    public Seen look() {
        HealthProbe.Result result = health.check();
        if (!result.ok()) {
            return new Seen(false, null, result.observation());
        }
        String field = app.version().healthField();
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(health.uri()).timeout(app.timeouts().request())
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            String version = read(response.body(), field);
            return new Seen(response.statusCode() == 200, version, result.observation() + "; '" + field + "' is "
                    + (version == null ? "missing" : "'" + version + "'"));
        } catch (IOException e) {
            return new Seen(false, null, "GET " + health.uri() + " for the version: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Seen(false, null, "interrupted while asking " + health.uri());
        }
    }

    private static String read(String body, String field) {
        try {
            JsonNode node = JSON.readTree(body == null ? "" : body);
            for (String part : field.split("\\.")) {
                node = node == null ? null : node.get(part);
            }
            return node == null || node.isNull() ? null : node.asText();
        } catch (IOException e) {
            return null;
        }
    }
}
