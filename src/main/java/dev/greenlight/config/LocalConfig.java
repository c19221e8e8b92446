package dev.greenlight.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How the {@code local} target starts its own staging: an embedded PostgreSQL, then the application in a child
 * JVM. Nothing here names the sample app in code: the main class, its environment and arguments are data.
 *
 * @param postgres the embedded database
 * @param app      the application process
 * @param deploy   whether the run starts from the baseline version and deploys the candidate over it
 */
public record LocalConfig(Postgres postgres, App app, Deploy deploy) {

    public LocalConfig {
        postgres = postgres == null ? new Postgres(null, null, null, null, null, null) : postgres;
        app = app == null ? new App(null, null, null, null, null, null) : app;
        deploy = deploy == null ? new Deploy(null) : deploy;
    }

    /**
     * @param database       name of the application database created in the embedded server
     * @param user           user the application connects as
     * @param startTimeout   how long PostgreSQL may take to start
     * @param server         JDBC URL of a running PostgreSQL to use instead of starting one (e.g. a developer's own
     *                       server, or the one Greenlight's self-tests share between runs); the run creates a database
     *                       and roles of its own there, suffixed so runs never meet, and drops them at the end
     * @param serverUser     a user of {@code server} allowed to create databases and roles
     * @param serverPassword that user's password, only as {@code ${ENV_VAR}}
     */
    public record Postgres(String database, String user, Duration startTimeout, String server, String serverUser, Secret serverPassword) {
        public Postgres {
            database = database == null ? "app" : database;
            user = user == null ? "app" : user;
            startTimeout = startTimeout == null ? Duration.ofSeconds(60) : startTimeout;
            serverUser = serverUser == null ? "postgres" : serverUser;
        }

        /** Whether the run uses a server that is already running. */
        public boolean shared() {
            return server != null && !server.isBlank();
        }
    }

    /**
     * The application process. In {@code env} and {@code args}, these placeholders are filled in:
     * {@code {port}}, {@code {databaseUrl}} (the {@code postgresql://} form), {@code {jdbcUrl}},
     * {@code {version}} (the version being started), {@code {logFile}}, {@code {adminToken}} and
     * {@code {workDir}}.
     *
     * @param mainClass               the Java main class to run
     * @param jvmArgs                 JVM options
     * @param args                    program arguments
     * @param env                     environment variables
     * @param forwardSystemProperties system properties of the harness passed on unchanged when set
     *                                (e.g. {@code greenlight.sample.faults})
     * @param stopTimeout             how long the process may take to stop before it is killed
     */
    public record App(
            String mainClass,
            List<String> jvmArgs,
            List<String> args,
            Map<String, String> env,
            List<String> forwardSystemProperties,
            Duration stopTimeout) {
        public App {
            jvmArgs = jvmArgs == null ? List.of() : List.copyOf(jvmArgs);
            args = args == null ? List.of() : List.copyOf(args);
            env = env == null ? Map.of() : Map.copyOf(env);
            forwardSystemProperties = forwardSystemProperties == null ? List.of() : List.copyOf(forwardSystemProperties);
            stopTimeout = stopTimeout == null ? Duration.ofSeconds(10) : stopTimeout;
        }
    }

    /**
     * @param fromBaseline when true the app first starts as {@code app.version.baseline} (migrating and seeding the
     *                     database the way production looks today), then is redeployed as the candidate
     */
    public record Deploy(Boolean fromBaseline) {
        public Deploy {
            fromBaseline = fromBaseline != null && fromBaseline;
        }
    }
}
