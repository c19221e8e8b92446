package dev.greenlight.soak.monitor;

import dev.greenlight.config.MetricsConfig;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Scrapes the target's Prometheus text with a timeout and reduces it to a {@link TargetReading} using the metric
 * names of the target file ({@code metrics.names}). Never throws for a target problem: a failed scrape is a
 * reading that says why.
 */
public final class MetricsProbe {

    private final HttpClient client;
    private final HttpRequest request;
    private final MetricsConfig.MetricNames names;

    /**
     * @param client  an HTTP client apart from the load's, so scrapes are not queued behind load
     * @param url     the metrics URL
     * @param names   metric names
     * @param timeout per scrape
     */
    public MetricsProbe(HttpClient client, String url, MetricsConfig.MetricNames names, Duration timeout) {
        this.client = client;
        this.request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build();
        this.names = names;
    }

    /** The metrics URL of a target: {@code metrics.path} against {@code app.baseUrl}, unless it is absolute. */
    public static String url(String baseUrl, String path) {
        return path.startsWith("http://") || path.startsWith("https://") ? path : baseUrl + (path.startsWith("/") ? path : "/" + path);
    }

    public TargetReading read() throws InterruptedException {
        long nanos = System.nanoTime();
        long millis = System.currentTimeMillis();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return TargetReading.failed(nanos, millis, "metrics answered " + response.statusCode());
            }
            return reduce(PrometheusText.parse(response.body()), nanos, millis);
        } catch (IOException e) {
            return TargetReading.failed(nanos, millis, "metrics unreachable: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
    }

    /** The reading of an already parsed exposition. */
    public TargetReading reduce(PrometheusText text, long nanos, long millis) {
        return new TargetReading(nanos, millis, true, null,
                text.value(names.residentMemory()),
                text.value(names.heapUsed()),
                text.value(names.cpuSeconds()),
                text.value(names.poolMax()),
                text.value(names.poolTotal()),
                text.value(names.poolIdle()),
                text.value(names.poolWaiting()),
                text.value(names.dbConnectionErrors()),
                text.histogramSum(names.dbQueryDuration()),
                text.histogramCount(names.dbQueryDuration()));
    }
}
