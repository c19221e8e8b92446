package dev.greenlight.probes;

import dev.greenlight.config.Masker;
import dev.greenlight.config.ProbesConfig;
import dev.greenlight.config.TargetConfig;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * HTTP for the probes, with the target's connect timeout and a request timeout of the probe's choosing: requests from the
 * target file with their placeholders filled ({@code {tag}}, {@code {instant}}, {@code {id}}, {@code {adminToken}}), and
 * plain GETs for bursts. Nothing here knows the application's API.
 *
 * @param base         {@code app.baseUrl}
 * @param apiPrefix    {@code app.apiPrefix}
 * @param client       the client, kept apart from any other so a burst queues on nothing else
 * @param placeholders filled in paths, headers and bodies
 * @param masker       masks secrets in anything reported
 */
public record ProbeHttp(String base, String apiPrefix, HttpClient client, Map<String, String> placeholders, Masker masker) {

    /** HTTP to {@code target}, with these placeholders. */
    public static ProbeHttp to(TargetConfig target, Map<String, String> placeholders, Masker masker) {
        return at(target.app().baseUrl(), target.app().apiPrefix(), target.app().timeouts().connect(), placeholders, masker);
    }

    /** HTTP to another deployment (the baseline beside the candidate). */
    public static ProbeHttp at(String baseUrl, String apiPrefix, Duration connectTimeout, Map<String, String> placeholders, Masker masker) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout).build();
        return new ProbeHttp(baseUrl, apiPrefix, client, Map.copyOf(placeholders), masker);
    }

    /** The same, with more placeholders (e.g. the {@code {id}} a write answered). */
    public ProbeHttp with(String placeholder, String value) {
        Map<String, String> more = new java.util.HashMap<>(placeholders);
        more.put(placeholder, value);
        return new ProbeHttp(base, apiPrefix, client, Map.copyOf(more), masker);
    }

    /** Sends a configured request and waits for its answer, at most {@code timeout}. */
    public HttpResponse<String> send(ProbesConfig.Request request, Duration timeout) throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url(request.path(), request.api()))).timeout(timeout);
        request.headers().forEach((name, value) -> builder.header(name, fill(value)));
        if (request.body() != null && request.headers().keySet().stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
            builder.header("Content-Type", "application/json");
        }
        builder.method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(fill(request.body())));
        return client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET of an API path, not waited for. */
    public CompletableFuture<HttpResponse<String>> getAsync(String apiPath, Duration timeout) {
        return client.sendAsync(HttpRequest.newBuilder(URI.create(url(apiPath, true))).timeout(timeout).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** {@code METHOD path} as shown in a report, placeholders filled and secrets masked. */
    public String describe(ProbesConfig.Request request) {
        return request.method() + " " + masker.mask(url(request.path(), request.api()));
    }

    public String url(String path, boolean api) {
        return base + (api ? apiPrefix : "") + fill(path);
    }

    public String fill(String text) {
        String out = text;
        for (Map.Entry<String, String> entry : placeholders.entrySet()) {
            out = out.replace(entry.getKey(), entry.getValue());
        }
        return out;
    }
}
