package dev.greenlight.sample.testkit;

import dev.greenlight.sample.AppConfig;
import dev.greenlight.sample.SampleStagingApp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;

/**
 * The sample app started in-process against a {@link TestDatabase}, through the same
 * {@link SampleStagingApp#start} that {@code main} uses, with a small HTTP client for it. Logs go to a
 * file only (read with {@link #log()}), so test output stays quiet.
 */
public final class RunningApp implements AutoCloseable {

    /** The admin token every test app gets unless the test says otherwise. */
    public static final String ADMIN_TOKEN = "test-admin-token";

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private final SampleStagingApp app;
    private final Path logFile;

    private RunningApp(SampleStagingApp app, Path logFile) {
        this.app = app;
        this.logFile = logFile;
    }

    /** Starts the candidate with defaults, a fast WORK_MS and the given start-up faults. */
    public static RunningApp start(TestDatabase db, String faults) {
        return start(db, Map.of(), faults);
    }

    /**
     * Starts an app; {@code overrides} replace or add environment variables (a null value removes one).
     */
    public static RunningApp start(TestDatabase db, Map<String, String> overrides, String faults) {
        Path logFile = logFileFor(db);
        SampleStagingApp app = SampleStagingApp.start(config(db, logFile, overrides, faults));
        return new RunningApp(app, logFile);
    }

    /** The configuration {@link #start} would use, for tests of start-up failures. */
    public static AppConfig config(TestDatabase db, Path logFile, Map<String, String> overrides, String faults) {
        Map<String, String> env = new HashMap<>();
        env.put("PORT", "0");
        env.put("DATABASE_URL", db.prismaUrl());
        env.put("LOG_FILE", logFile.toString());
        env.put("ADMIN_TOKEN", ADMIN_TOKEN);
        env.put("WORK_MS", "1");
        env.putAll(overrides);
        env.values().removeIf(v -> v == null || v.isEmpty());
        Properties properties = new Properties();
        if (faults != null) {
            properties.setProperty("greenlight.sample.faults", faults);
        }
        return AppConfig.fromEnvironment(env, properties).quiet();
    }

    /** A fresh log file under target/ for an app on that database. */
    public static Path logFileFor(TestDatabase db) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "sample-app-tests"));
            return Files.createTempFile(dir, db.name() + "-", ".log");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public SampleStagingApp app() {
        return app;
    }

    public URI uri(String path) {
        return app.baseUri().resolve(path);
    }

    public Reply get(String path) {
        return send("GET", path, null, Map.of());
    }

    public Reply post(String path, String json) {
        return send("POST", path, json, Map.of("Content-Type", "application/json"));
    }

    public Reply put(String path, String json) {
        return send("PUT", path, json, Map.of("Content-Type", "application/json"));
    }

    public Reply delete(String path) {
        return send("DELETE", path, null, Map.of());
    }

    /** Posts an HTML form, as a browser would. */
    public Reply form(String path, String urlEncoded) {
        return send("POST", path, urlEncoded, Map.of("Content-Type", "application/x-www-form-urlencoded"));
    }

    /** Calls the admin endpoint with the right token. */
    public Reply admin(String method, String json) {
        return send(method, "/__admin/faults", json, Map.of("Authorization", "Bearer " + ADMIN_TOKEN));
    }

    /** Sets the run-time faults through the admin endpoint; fails the test if it is refused. */
    public void faults(String spec) {
        Reply reply = admin("PUT", "{\"faults\":\"" + spec + "\"}");
        if (reply.status() != 200) {
            throw new IllegalStateException("Fault " + spec + " refused: " + reply.status() + " " + reply.body());
        }
    }

    public Reply send(String method, String path, String body, Map<String, String> headers) {
        try {
            return sendAsync(method, path, body, headers).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e.getCause(), e.getCause());
        }
    }

    /** Sends without waiting (for requests expected to hang); each request times out after 10 s. */
    public CompletableFuture<Reply> sendAsync(String method, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        long start = System.nanoTime();
        return CLIENT.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
                .thenApply(r -> new Reply(r.statusCode(), r.body(), r.headers(), Duration.ofNanos(System.nanoTime() - start)));
    }

    /** The log file's content so far. */
    public String log() {
        return read(logFile);
    }

    public Path logFile() {
        return logFile;
    }

    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        app.close();
    }
}
