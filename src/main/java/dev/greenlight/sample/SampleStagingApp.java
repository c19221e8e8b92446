package dev.greenlight.sample;

import com.sun.net.httpserver.HttpServer;
import dev.greenlight.sample.api.ApiRoutes;
import dev.greenlight.sample.api.HealthRoutes;
import dev.greenlight.sample.data.BlogStore;
import dev.greenlight.sample.db.ConnectionPool;
import dev.greenlight.sample.db.Database;
import dev.greenlight.sample.db.DatabaseUrl;
import dev.greenlight.sample.db.DirectConnections;
import dev.greenlight.sample.fault.AdminEndpoint;
import dev.greenlight.sample.fault.FaultSpec;
import dev.greenlight.sample.fault.FaultState;
import dev.greenlight.sample.http.Pause;
import dev.greenlight.sample.http.RequestPipeline;
import dev.greenlight.sample.http.Router;
import dev.greenlight.sample.log.AppLog;
import dev.greenlight.sample.metrics.AppMetrics;
import dev.greenlight.sample.metrics.HeapSampler;
import dev.greenlight.sample.migrate.MigrationOutcome;
import dev.greenlight.sample.web.WebRoutes;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bundled sample staging app: a stand-in for a Prisma-backed Node service, started by the
 * harness as a child JVM ({@link #main}) or in-process by tests ({@link #start}). See the package
 * documentation for the process contract and the faults.
 */
public final class SampleStagingApp implements AutoCloseable {

    /** Exit status for bad configuration (including a bad fault spec). */
    public static final int EXIT_CONFIG = 2;

    /** Worker threads for API and UI requests: a saturated app queues, and queueing shows as latency. */
    static final int WORKER_THREADS = 128;

    private final AppConfig config;
    private final AppLog log;
    private final HttpServer server;
    private final RequestPipeline pipeline;
    private final ConnectionPool pool;
    private final FaultState faults;
    private final AppMetrics metrics;
    private final HeapSampler heap;
    private final MigrationOutcome migrations;
    private final List<ExecutorService> executors;
    private final AtomicBoolean closed = new AtomicBoolean();

    private SampleStagingApp(AppConfig config, AppLog log, HttpServer server, RequestPipeline pipeline, ConnectionPool pool,
            FaultState faults, AppMetrics metrics, HeapSampler heap, MigrationOutcome migrations, List<ExecutorService> executors) {
        this.config = config;
        this.log = log;
        this.server = server;
        this.pipeline = pipeline;
        this.pool = pool;
        this.faults = faults;
        this.metrics = metrics;
        this.heap = heap;
        this.migrations = migrations;
        this.executors = executors;
    }

    /** Starts the app from the environment; exits 2 on bad configuration, 1 when it cannot start. */
    public static void main(String[] args) {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        AppConfig config;
        SampleStagingApp app;
        try {
            config = AppConfig.fromEnvironment();
            app = start(config, true);
        } catch (ConfigException e) {
            System.err.println("sample-staging-app: configuration error: " + e.getMessage());
            System.exit(EXIT_CONFIG);
            return;
        } catch (StartupException e) {
            System.err.println("sample-staging-app: " + e.getMessage());
            System.exit(e.exitCode());
            return;
        }
        if (config.exitWithParent()) {
            exitWhenStdinCloses(app.log);
        }
    }

    /**
     * Starts the app: migrations, seed, start-up faults, pool, HTTP server. Returns once it listens.
     *
     * @throws ConfigException  on bad configuration (exit status 2)
     * @throws StartupException when the app cannot start (exit status in the exception)
     */
    public static SampleStagingApp start(AppConfig config) {
        return start(config, false);
    }

    /** As {@link #start(AppConfig)}; with {@code shutdownHook} a SIGTERM closes the app (set before it listens). */
    private static SampleStagingApp start(AppConfig config, boolean shutdownHook) {
        long startNanos = System.nanoTime();
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        AppLog log;
        try {
            log = new AppLog(config.logFile(), config.echoToStdout() ? System.out : null);
        } catch (IOException e) {
            throw new ConfigException("LOG_FILE " + config.logFile() + " cannot be opened: " + e.getMessage());
        }
        try {
            return boot(config, log, startNanos, shutdownHook);
        } catch (RuntimeException e) {
            if (!(e instanceof StartupException) && !(e instanceof ConfigException)) {
                log.error("Start-up failed: " + AppLog.describe(e));
            }
            log.close();
            throw e;
        }
    }

    private static SampleStagingApp boot(AppConfig config, AppLog log, long startNanos, boolean shutdownHook) {
        log.addSecret(config.adminToken());
        DatabaseUrl url = config.databaseUrl();
        url.password().ifPresent(log::addSecret);
        Personality personality = config.personality();
        FaultSpec spec = config.faults();
        String prismaVersion = spec.version().orElse(personality.version());

        log.info("Starting sample-staging-app " + config.appVersion());
        log.info("Prisma Client " + prismaVersion + " (" + personality.engine() + ")");
        log.info("Active faults: " + spec);
        if (personality == Personality.BASELINE && spec.baselineBroken()) {
            log.error("PrismaClientInitializationError: Unable to require(`/app/node_modules/.prisma/client/"
                    + "libquery_engine-debian-openssl-3.0.x.so.node`). The Prisma engines do not seem to be compatible"
                    + " with your system. Please refer to the documentation about Prisma's system requirements:"
                    + " https://pris.ly/d/system-requirements");
            throw new StartupException("PrismaClientInitializationError: Prisma Client could not start (fault baseline=broken)",
                    1, null);
        }
        log.info("Datasource \"db\": PostgreSQL database \"" + url.database() + "\", schema \"" + url.schema()
                + "\" at \"" + url.hostAndPort() + "\"");

        DirectConnections connections = new DirectConnections(url);
        MigrationOutcome outcome = new DatabasePreparation(config, log, connections, prismaVersion).run();

        Duration waitLimit = poolWaitLimit(config, log);
        FaultState[] holder = new FaultState[1];
        // pool-slow: every new physical connection takes that long to open, as a database far away or overloaded does
        ConnectionPool pool = new ConnectionPool(config.poolSize(), waitLimit, config.poolIdleTimeout(), () -> {
            if (holder[0] != null) {
                holder[0].current().poolSlow().ifPresent(Pause::sleep);
            }
            return connections.open();
        });
        HeapSampler heap = HeapSampler.start(config.heapSampleInterval());
        AppMetrics metrics = new AppMetrics(pool, config.appVersion(), prismaVersion, heap, () -> holder[0] == null ? java.util.Set.of()
                : holder[0].current().metricsMissing());
        Database db = new Database(pool, metrics, () -> holder[0].current(), url.hostAndPort(), config.dbTimeout());
        FaultState faults = new FaultState(spec, config.poolSize(), db, log);
        holder[0] = faults;
        BlogStore store = new BlogStore(db);

        Router router = new Router();
        new HealthRoutes(db, faults, metrics, config.appVersion(), () -> prismaVersion).register(router);
        new ApiRoutes(store, faults).register(router);
        new WebRoutes(store, faults).register(router);
        if (config.adminToken() != null) {
            new AdminEndpoint(faults, config.adminToken()).register(router);
        }

        List<ExecutorService> executors = new ArrayList<>();
        ExecutorService workers = pool("http-worker", WORKER_THREADS, executors);
        ExecutorService control = Executors.newCachedThreadPool(daemon("http-health"));
        executors.add(control);
        ExecutorService admin = pool("http-admin", 4, executors);
        ExecutorService dispatch = pool("http-dispatch", 4, executors);
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 1024);
        } catch (BindException e) {
            executors.forEach(ExecutorService::shutdownNow);
            heap.close();
            throw new StartupException("Cannot listen on " + config.host() + ":" + config.port() + ": " + e.getMessage()
                    + " (is the port already in use?)", 1, e);
        } catch (IOException e) {
            executors.forEach(ExecutorService::shutdownNow);
            heap.close();
            throw new StartupException("Cannot listen on " + config.host() + ":" + config.port() + ": " + e.getMessage(), 1, e);
        }
        RequestPipeline pipeline = new RequestPipeline(router, faults::current, metrics, log, config.work(),
                faults::onApiRequest, workers, control, admin);
        server.createContext("/", pipeline);
        server.setExecutor(dispatch);
        try {
            faults.activate(store);
        } catch (RuntimeException e) {
            log.warn("Start-up faults could not be fully applied: " + AppLog.describe(e));
        }
        SampleStagingApp app = new SampleStagingApp(config, log, server, pipeline, pool, faults, metrics, heap, outcome, executors);
        if (shutdownHook) {
            Runtime.getRuntime().addShutdownHook(new Thread(app::close, "shutdown"));
        }
        server.start();
        log.info("Server listening on http://" + config.host() + ":" + app.port());
        log.info("Ready in " + (System.nanoTime() - startNanos) / 1_000_000 + " ms (process up "
                + ManagementFactory.getRuntimeMXBean().getUptime() + " ms)");
        return app;
    }

    private static Duration poolWaitLimit(AppConfig config, AppLog log) {
        Personality personality = config.personality();
        Duration limit = personality.defaultPoolTimeout().orElse(null);
        var fromUrl = config.databaseUrl().poolTimeout();
        if (fromUrl.isPresent()) {
            if (personality.readsPoolParametersFromUrl()) {
                limit = fromUrl.get().isZero() ? null : fromUrl.get();
            } else {
                log.warn("pool_timeout in DATABASE_URL is ignored by Prisma " + personality.version()
                        + " (the pg driver adapter has no wait limit)");
            }
        }
        log.info("Connection pool: " + config.poolSize() + " connections, "
                + (limit == null ? "no wait limit" : "wait limit " + limit.toMillis() + " ms (then P2024)"));
        return limit;
    }

    private static ExecutorService pool(String name, int threads, List<ExecutorService> all) {
        ExecutorService executor = Executors.newFixedThreadPool(threads, daemon(name));
        all.add(executor);
        return executor;
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger counter = new AtomicInteger();
        return r -> {
            Thread thread = new Thread(r, name + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static void exitWhenStdinCloses(AppLog log) {
        Thread watcher = new Thread(() -> {
            try (InputStream in = System.in) {
                byte[] buffer = new byte[256];
                while (in.read(buffer) >= 0) {
                    // the parent keeps the pipe open; its data means nothing
                }
            } catch (IOException e) {
                // a broken pipe means the parent is gone, same as EOF
            }
            log.info("Standard input closed (EXIT_WITH_PARENT=1): the parent is gone, exiting");
            System.exit(0);
        }, "exit-with-parent");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** The port the server listens on (the real one when {@code PORT=0}). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://host:port}. */
    public URI baseUri() {
        return URI.create("http://" + config.host() + ":" + port());
    }

    /** What the start-up migration run did, or {@code null} when the database was unreachable. */
    public MigrationOutcome migrations() {
        return migrations;
    }

    /** The live fault state (tests read held connections and retained bytes from it). */
    public FaultState faults() {
        return faults;
    }

    public AppMetrics metrics() {
        return metrics;
    }

    /** Lets requests in flight finish for up to a second, stops the server, closes the pool. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        log.info("Shutting down: stopping the HTTP server");
        long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        while (pipeline.inFlight() > 0 && System.nanoTime() < deadline) {
            Pause.sleep(Duration.ofMillis(10));
        }
        server.stop(0);
        executors.forEach(ExecutorService::shutdownNow);
        heap.close();
        faults.close();
        pool.close();
        log.info("Stopped");
        log.close();
    }
}
