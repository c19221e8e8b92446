package dev.greenlight.soak.load;

import dev.greenlight.soak.profile.MixEntry;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs a mix's setup or cleanup requests in order, each with the request timeout. Setup captures into the pools the
 * load then reads; cleanup repeats an entry with {@code {each:NAME}} for every value left in that pool, emptying it —
 * those repeats up to {@value #PARALLEL} at a time, since a minute's soak leaves hundreds of rows and one request
 * after the other would take longer than the soak. A GET, PUT or DELETE that gets a 5xx or no answer is tried up to
 * {@value #ATTEMPTS} times; a POST once, as repeating it could create a row twice.
 */
public final class MixSteps {

    /** Tries of an idempotent step that got a 5xx or no answer, so one transient failure leaves no test data behind. */
    static final int ATTEMPTS = 3;
    /** Repeats of an {@code {each:NAME}} entry in flight at once. */
    static final int PARALLEL = 8;
    private static final java.util.Set<String> IDEMPOTENT = java.util.Set.of("GET", "PUT", "DELETE");

    private final HttpClient client;
    private final String apiBase;
    private final String tag;
    private final Duration timeout;
    private final Pools pools;
    private final AtomicLong seq;

    public MixSteps(HttpClient client, String apiBase, String tag, Duration timeout, Pools pools, AtomicLong seq) {
        this.client = client;
        this.apiBase = apiBase;
        this.tag = tag;
        this.timeout = timeout;
        this.pools = pools;
        this.seq = seq;
    }

    /** What one step did. */
    public record Step(String name, String method, String path, int status, String failure) {
        public boolean ok() {
            return failure == null && status >= 200 && status < 300;
        }

        @Override
        public String toString() {
            return method + " " + path + " → " + (failure != null ? failure : String.valueOf(status));
        }
    }

    /** Runs {@code entries} in order; a failed step is reported, not thrown. */
    public List<Step> run(List<MixEntry> entries) throws InterruptedException {
        List<Step> steps = new ArrayList<>();
        for (MixEntry entry : entries) {
            Template path = Template.parse(entry.path());
            Template body = Template.parse(entry.body());
            String each = eachPool(path, body);
            if (each == null) {
                steps.add(send(entry, path, body, Map.of()));
            } else {
                steps.addAll(eachInParallel(pools.pool(each).drain(), value -> send(entry, path, body, Map.of("each:" + each, value))));
            }
        }
        return steps;
    }

    /** A step for one value of a pool. */
    @FunctionalInterface
    private interface Repeat {
        Step send(String value) throws InterruptedException;
    }

    private static List<Step> eachInParallel(List<String> values, Repeat repeat) throws InterruptedException {
        if (values.isEmpty()) {
            return List.of();
        }
        java.util.concurrent.ExecutorService workers = java.util.concurrent.Executors.newFixedThreadPool(Math.min(PARALLEL, values.size()), r -> {
            Thread thread = new Thread(r, "greenlight-soak-cleanup");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<java.util.concurrent.Callable<Step>> calls = values.stream()
                    .<java.util.concurrent.Callable<Step>>map(value -> () -> repeat.send(value)).toList();
            List<Step> steps = new ArrayList<>();
            for (java.util.concurrent.Future<Step> done : workers.invokeAll(calls)) {
                try {
                    steps.add(done.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("a cleanup request failed unexpectedly", e.getCause());
                }
            }
            return steps;
        } finally {
            workers.shutdownNow();
        }
    }

    private static String eachPool(Template... templates) {
        for (Template template : templates) {
            for (Template.Part part : template.parts()) {
                if ("each".equals(part.kind())) {
                    return part.pool();
                }
            }
        }
        return null;
    }

    private Step send(MixEntry entry, Template path, Template body, Map<String, String> given) throws InterruptedException {
        Map<String, String> values = new HashMap<>(given);
        values.put("tag", tag);
        values.put("seq", Long.toString(seq.incrementAndGet()));
        for (Template template : List.of(path, body)) {
            for (Template.Part part : template.parts()) {
                if (part.pool() != null && !"each".equals(part.kind())) {
                    Pools.Pool pool = pools.pool(part.pool());
                    String value = "take".equals(part.kind()) ? pool.take() : pool.pick();
                    if (value == null) {
                        return new Step(entry.name(), entry.method(), entry.path(), 0, "pool '" + part.pool() + "' is empty");
                    }
                    values.put(part.kind() + ":" + part.pool(), value);
                }
            }
        }
        String renderedPath = path.render(values);
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(apiBase + renderedPath)).timeout(timeout);
        if (entry.body() == null) {
            builder.method(entry.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json")
                    .method(entry.method(), HttpRequest.BodyPublishers.ofString(body.render(values)));
        }
        HttpRequest request = builder.build();
        int attempts = IDEMPOTENT.contains(entry.method()) ? ATTEMPTS : 1;
        Step step = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() >= 200 && response.statusCode() < 300) {
                    HttpMix.capture(entry.capture(), response.body(), pools);
                }
                step = new Step(entry.name(), entry.method(), renderedPath, response.statusCode(), null);
                if (response.statusCode() < 500) {
                    return step;
                }
            } catch (IOException e) {
                step = new Step(entry.name(), entry.method(), renderedPath, 0, e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
        return step;
    }
}
