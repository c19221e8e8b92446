package dev.greenlight.testkit;

import dev.greenlight.config.ConfigLoader;
import dev.greenlight.config.RunSettings;
import dev.greenlight.config.Settings;
import dev.greenlight.config.TargetConfig;
import dev.greenlight.target.LocalTarget;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The bundled sample staging app, started once per test JVM for self-tests (embedded PostgreSQL + the app as
 * the {@code local} target starts them) and shared: faults are switched through its admin endpoint, or set at
 * a restart. Suites under test reach it as a remote target through {@link #asRemoteTarget()}, so every
 * self-test also exercises the remote path. Self-test code only: the harness never talks to the admin endpoint. Get it as a test parameter with
 * {@code @ExtendWith(SampleStagingExtension.class)}.
 */
public final class SampleStaging implements AutoCloseable {

    private final LocalTarget target;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private String startFaults = "";
    private Map<String, String> env = Map.of();

    private SampleStaging(LocalTarget target) {
        this.target = target;
    }

    static SampleStaging start() {
        Path work;
        try {
            work = Files.createTempDirectory("greenlight-sample-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Settings settings = Settings.of(Map.of("greenlight.target", "local", "greenlight.local.deploy.fromBaseline", "false"), Map.of());
        TargetConfig config = new ConfigLoader().load(RunSettings.resolve(settings, Clock.systemUTC()), settings).config();
        return new SampleStaging(LocalTarget.start(config, work, settings, baseline -> { }));
    }

    /** Settings that point a suite at this app as the {@code local} target's file describes it, but remote. */
    public Map<String, String> asRemoteTarget() {
        TargetConfig config = target.config();
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("greenlight.target", "local");
        settings.put("greenlight.kind", "remote");
        settings.put("greenlight.app.baseUrl", config.app().baseUrl());
        settings.put("greenlight.app.readiness.timeout", "3s");
        settings.put("greenlight.database.jdbcUrl", config.database().jdbcUrl());
        settings.put("greenlight.database.user", config.database().user());
        settings.put("greenlight.database.password", config.database().password().reveal());
        settings.put("greenlight.log.file", config.log().file());
        // a remote target has no baseline beside it unless it names one; soak self-tests choose theirs
        settings.put("greenlight.soak.baseline", "none");
        return settings;
    }

    /** Replaces the run-time faults, e.g. {@code "latency=300ms,errors=3%"}; empty clears them. */
    public SampleStaging faults(String spec) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target.config().app().baseUrl() + "/__admin/faults"))
                .timeout(Duration.ofSeconds(5))
                .header("Authorization", "Bearer " + target.adminToken().reveal());
        request = spec.isEmpty() ? request.DELETE()
                : request.header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"faults\":\"" + spec + "\"}"));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("the sample app refused faults '" + spec + "': " + response.statusCode() + " " + response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach the sample app's admin endpoint", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return this;
    }

    /** Restarts the app as {@code version} with start-time faults ({@code ""} for none); returns once healthy. */
    public SampleStaging restart(String version, String startFaults) {
        return restart(version, startFaults, Map.of());
    }

    /**
     * Restarts the app as {@code version} with start-time faults and extra environment variables (e.g.
     * {@code WORK_MS}); returns once healthy. {@link #healthy()} restarts it again without them.
     */
    public SampleStaging restart(String version, String startFaults, Map<String, String> env) {
        Map<String, String> all = new LinkedHashMap<>(env);
        if (!startFaults.isEmpty()) {
            all.put("GREENLIGHT_SAMPLE_FAULTS", startFaults);
        }
        target.restartApp(version, all);
        this.startFaults = startFaults;
        this.env = Map.copyOf(env);
        return this;
    }

    /** Back to the healthy candidate with no faults. */
    public SampleStaging healthy() {
        if (!startFaults.isEmpty() || !env.isEmpty() || !target.config().app().version().expected().equals(target.runningVersion())
                || !target.appAlive()) {
            restart(target.config().app().version().expected(), "");
        }
        return faults("");
    }

    public LocalTarget target() {
        return target;
    }

    @Override
    public void close() {
        target.close();
    }
}
