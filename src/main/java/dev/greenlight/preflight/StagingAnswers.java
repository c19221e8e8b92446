package dev.greenlight.preflight;

import dev.greenlight.config.Masker;
import dev.greenlight.config.TargetConfig;
import dev.greenlight.soak.monitor.MetricsProbe;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether staging is configured and answers before anyone deploys to it: the application's URL and database URL set,
 * its health endpoint ok, its metrics there, and the baseline beside it (when the target names one) healthy too. Every
 * request has the target's timeouts.
 */
public final class StagingAnswers {

    private StagingAnswers() {
    }

    /** One line per problem; empty when everything answers. */
    public static List<String> findings(TargetConfig target, Masker masker) {
        List<String> findings = new ArrayList<>();
        if (target.app().baseUrl() == null) {
            findings.add("app.baseUrl is not configured: there is no staging URL");
        }
        if (!target.database().configured()) {
            findings.add("database.jdbcUrl is not configured: there is no staging database URL");
        }
        if (target.app().baseUrl() == null) {
            return findings;
        }
        Map<String, String> urls = new LinkedHashMap<>();
        urls.put("health", target.app().baseUrl() + target.app().health().path());
        urls.put("metrics", MetricsProbe.url(target.app().baseUrl(), target.metrics().path()));
        if (target.baseline().present()) {
            urls.put("baseline health", target.baseline().baseUrl() + target.app().health().path());
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(target.app().timeouts().connect()).build();
        urls.forEach((what, url) -> {
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(target.app().timeouts().request())
                        .GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    findings.add(what + " " + masker.mask(url) + " answered " + response.statusCode() + ": " + masker.mask(abbreviate(response.body())));
                } else if (what.endsWith("health") && !response.body().contains("\"" + target.app().health().okValue() + "\"")) {
                    findings.add(what + " " + masker.mask(url) + " answered 200 without '" + target.app().health().okValue() + "': "
                            + masker.mask(abbreviate(response.body())));
                }
            } catch (IOException e) {
                findings.add(what + " " + masker.mask(url) + " does not answer: " + e.getClass().getSimpleName() + " " + masker.mask(String.valueOf(e.getMessage())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                findings.add(what + " " + masker.mask(url) + ": interrupted");
            }
        });
        return findings;
    }

    private static String abbreviate(String body) {
        String flat = body.replaceAll("\\s+", " ").strip();
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }
}
