package dev.greenlight.target;

import dev.greenlight.config.BaselineConfig;
import dev.greenlight.config.LocalConfig;
import dev.greenlight.config.Masker;
import dev.greenlight.config.Secret;
import dev.greenlight.config.Settings;
import dev.greenlight.config.TargetConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The embedded default: Greenlight's own staging on this machine. Starts an embedded PostgreSQL, then the
 * application named in {@code local.app} in a child JVM, waits until it is healthy, and stops both on
 * {@link #close()}. With {@code local.deploy.fromBaseline} it first runs the baseline version (which migrates
 * and seeds the database as production looks today), lets {@code beforeDeploy} look at it, then deploys the
 * candidate over it — the upgrade the suites are there to judge. Asked for a {@link #baseline()}, it starts the
 * baseline version beside the candidate, on a database of its own, for the soak's time-matched comparison.
 */
public final class LocalTarget implements Target {

    private final TargetConfig declared;
    private final EmbeddedDatabase database;
    private final Path workDir;
    private final int port;
    private final Secret adminToken;
    private final Secret baselineOwnerPassword;
    private final Map<String, String> forwarded;
    private final Masker masker;
    private TargetConfig effective;
    private AppProcess app;
    private String runningVersion;
    private EmbeddedDatabase baselineDatabase;
    private AppProcess baselineApp;
    private BaselineConfig baseline;

    private LocalTarget(TargetConfig declared, EmbeddedDatabase database, Path workDir, int port, Map<String, String> forwarded) {
        this.declared = declared;
        this.database = database;
        this.workDir = workDir;
        this.port = port;
        this.adminToken = Secret.of(HexFormat.of().formatHex(new SecureRandom().generateSeed(16)));
        this.forwarded = forwarded;
        this.baselineOwnerPassword = EmbeddedDatabase.newPassword();
        this.masker = Masker.of(List.of(database.ownerPassword().reveal(), database.readerPassword().reveal(), adminToken.reveal(),
                baselineOwnerPassword.reveal()));
        this.effective = declared
                .withApp(declared.app().withBaseUrl("http://127.0.0.1:" + port))
                .withDatabase(declared.database().withConnection(database.jdbcUrl(database.database()),
                        database.readerUser(), database.readerPassword()))
                .withLog(declared.log().withFile(appLog().toString()));
    }

    /**
     * Starts the database and the application and returns once it is healthy.
     *
     * @param config       the {@code local} target's configuration
     * @param workDir      where the app's log and console output go (inside the run's evidence)
     * @param settings     for the system properties to forward
     * @param beforeDeploy called with the baseline running, when the target deploys from the baseline
     */
    public static LocalTarget start(TargetConfig config, Path workDir, Settings settings, Consumer<LocalTarget> beforeDeploy) {
        LocalConfig local = config.local();
        Map<String, String> forwarded = new LinkedHashMap<>();
        for (String key : local.app().forwardSystemProperties()) {
            settings.property(key).ifPresent(value -> forwarded.put(key, value));
        }
        LocalConfig.Postgres postgres = local.postgres();
        EmbeddedDatabase database = postgres.shared()
                ? EmbeddedDatabase.attach(postgres.server(), postgres.serverUser(), postgres.serverPassword(), postgres.database(),
                        postgres.user(), Long.toString(System.nanoTime() ^ new SecureRandom().nextLong(), 36))
                : EmbeddedDatabase.start(postgres.database(), postgres.user(), postgres.startTimeout());
        LocalTarget target = new LocalTarget(config, database, workDir, freePort(), forwarded);
        try {
            String candidate = requireVersion(config.app().version().expected(), "app.version.expected");
            if (local.deploy().fromBaseline()) {
                target.startApp(requireVersion(config.app().version().baseline(), "app.version.baseline"), Map.of());
                beforeDeploy.accept(target);
                target.stopApp();
            }
            target.startApp(candidate, Map.of());
            return target;
        } catch (RuntimeException e) {
            target.close();
            throw e;
        }
    }

    /** Stops the running app and starts {@code version} in its place on the same address; returns once healthy. */
    public Duration restartApp(String version) {
        return restartApp(version, Map.of());
    }

    /** Like {@link #restartApp(String)}, with extra environment variables for the new process. */
    public Duration restartApp(String version, Map<String, String> extraEnv) {
        stopApp();
        return startApp(version, extraEnv);
    }

    /** Starts {@code version} without waiting for it; the caller decides how long to wait (a rollback drill times it). */
    public void launchApp(String version) {
        stopApp();
        launch(version, Map.of());
    }

    /** Stops the application, leaving the database up. */
    public void stopApp() {
        if (app != null) {
            app.close();
            app = null;
            runningVersion = null;
        }
    }

    public boolean appAlive() {
        return app != null && app.alive();
    }

    /** The version last started, or null when the app is stopped. */
    public String runningVersion() {
        return runningVersion;
    }

    public EmbeddedDatabase database() {
        return database;
    }

    /** The token of the application's admin endpoint, generated per run. */
    public Secret adminToken() {
        return adminToken;
    }

    public Path appLog() {
        return workDir.resolve("app.log");
    }

    /** Masks this target's generated secrets as well as the usual patterns. */
    public Masker masker() {
        return masker;
    }

    @Override
    public TargetConfig config() {
        return effective;
    }

    @Override
    public LogSource log() {
        return new FileLogSource(appLog(), declared.log().maxLines());
    }

    /**
     * The baseline ({@code app.version.baseline}) running beside the candidate on a database and port of its own,
     * started on first call (migrating and seeding its database itself) and stopped with the target. It gets the
     * candidate's settings but none of the forwarded system properties: faults are for the candidate under test.
     *
     * @throws TargetNotReadyException when it does not become healthy within {@code app.readiness.timeout}
     */
    @Override
    public synchronized Optional<BaselineConfig> baseline() {
        if (baseline == null) {
            String version = requireVersion(declared.app().version().baseline(), "app.version.baseline");
            Path dir = workDir.resolve("baseline");
            int baselinePort = freePort();
            baselineDatabase = database.sibling("baseline", baselineOwnerPassword);
            baselineApp = launch(version, baselinePort, baselineDatabase, dir, Map.of(), Map.of());
            String url = "http://127.0.0.1:" + baselinePort;
            AppProcess started = baselineApp;
            Readiness.await(declared.name() + " baseline " + version, effective.app().withBaseUrl(url), () -> !started.alive(),
                    () -> diagnosis(started, dir.resolve("app.log")), Readiness.Mode.HEALTHY);
            baseline = new BaselineConfig(url, declared.app().apiPrefix(), declared.metrics().path(), version,
                    effective.database().withConnection(baselineDatabase.jdbcUrl(baselineDatabase.database()),
                            baselineDatabase.readerUser(), baselineDatabase.readerPassword()));
            effective = effective.withBaseline(baseline);
        }
        return Optional.of(baseline);
    }

    @Override
    public void close() {
        try {
            stopApp();
            if (baselineApp != null) {
                baselineApp.close();
            }
            if (baselineDatabase != null) {
                baselineDatabase.close();
            }
        } finally {
            database.close();
        }
    }

    private Duration startApp(String version, Map<String, String> extraEnv) {
        launch(version, extraEnv);
        AppProcess started = app;
        return Readiness.await(declared.name(), effective.app(), () -> !started.alive(), () -> diagnosis(started, appLog()),
                Readiness.Mode.HEALTHY).took();
    }

    private void launch(String version, Map<String, String> extraEnv) {
        app = launch(version, port, database, workDir, forwarded, extraEnv);
        runningVersion = version;
    }

    private AppProcess launch(String version, int onPort, EmbeddedDatabase on, Path dir, Map<String, String> properties,
                              Map<String, String> extraEnv) {
        Map<String, String> values = Map.of(
                "{port}", String.valueOf(onPort),
                "{databaseUrl}", on.applicationUrl().reveal(),
                "{jdbcUrl}", on.jdbcUrl(on.database()),
                "{version}", version,
                "{logFile}", dir.resolve("app.log").toAbsolutePath().toString(),
                "{adminToken}", adminToken.reveal(),
                "{workDir}", dir.toAbsolutePath().toString());
        return AppProcess.start(declared.local().app(), text -> fill(text, values), properties, extraEnv, dir.resolve("console.log"));
    }

    private String diagnosis(AppProcess process, Path log) {
        StringBuilder out = new StringBuilder();
        Integer exit = process.exitCode();
        if (exit != null) {
            out.append(" The application exited with status ").append(exit).append('.');
        }
        List<String> lines = AppProcess.lastLines(log, 25);
        if (lines.isEmpty()) {
            lines = AppProcess.lastLines(process.console(), 25);
        }
        if (lines.isEmpty()) {
            out.append(" The application wrote no log (").append(log).append(").");
        } else {
            out.append("\nLast lines of the application log:\n  ").append(String.join("\n  ", lines.stream().map(masker::mask).toList()));
        }
        return out.toString();
    }

    private static String fill(String text, Map<String, String> values) {
        String out = text;
        for (Map.Entry<String, String> entry : values.entrySet()) {
            out = out.replace(entry.getKey(), entry.getValue());
        }
        return out;
    }

    private static String requireVersion(String version, String key) {
        if (version == null || version.isBlank()) {
            throw new dev.greenlight.config.ConfigException("the local target needs " + key + " to know which version to start");
        }
        return version;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free local port", e);
        }
    }
}
