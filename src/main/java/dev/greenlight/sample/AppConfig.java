package dev.greenlight.sample;

import dev.greenlight.sample.db.DatabaseUrl;
import dev.greenlight.sample.fault.FaultSpec;
import dev.greenlight.sample.fault.FaultSpecException;
import dev.greenlight.sample.fault.Quantities;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The sample app's configuration, resolved once from the environment (12-factor, like a Node app).
 * Only the fault list may also come from the system property {@code greenlight.sample.faults}, which
 * wins over {@code GREENLIGHT_SAMPLE_FAULTS}. {@link #toString()} masks the password and the token.
 *
 * @param host           {@code HOST}, default {@code 127.0.0.1}
 * @param port           {@code PORT}, required; 0 picks a free port (useful in tests)
 * @param databaseUrl    {@code DATABASE_URL}, required, Prisma form
 * @param personality    {@code PRISMA_VERSION}, {@code 7.0.1} (default) or {@code 6.19.0}
 * @param appVersion     {@code APP_VERSION}, default {@code 2.4.0}
 * @param migrationsDir  {@code MIGRATIONS_DIR}, default the bundled {@code prisma/migrations} folder
 * @param logFile        {@code LOG_FILE}, or {@code null} for stdout only
 * @param adminToken     {@code ADMIN_TOKEN}, or {@code null} to disable the admin endpoint
 * @param poolSize       {@code POOL_SIZE}, default 10
 * @param work           {@code WORK_MS}, simulated business work per API/UI request, default 10 ms
 * @param heapSampleInterval {@code HEAP_SAMPLE_INTERVAL}, how often the live heap is sampled after a full
 *                       collection, default 2 s; {@code 0} turns the sampler off
 * @param seed           {@code SEED}, default true
 * @param exitWithParent {@code EXIT_WITH_PARENT=1}: exit when stdin closes
 * @param faults         the faults active from start-up
 * @param echoToStdout   whether log lines also go to stdout (always true for {@code main})
 * @param poolIdleTimeout {@code POOL_IDLE_TIMEOUT_MS}, how long an idle pool connection stays open, default 10 s (node-postgres'
 *                       {@code idleTimeoutMillis}); {@code 0} keeps idle connections open
 * @param dbTimeout      {@code DB_TIMEOUT_MS}, the longest a query waits for an unresponsive database before failing, default
 *                       2 s (the bound a team sets with {@code connectionTimeoutMillis} and {@code statement_timeout})
 */
public record AppConfig(
        String host,
        int port,
        DatabaseUrl databaseUrl,
        Personality personality,
        String appVersion,
        Path migrationsDir,
        Path logFile,
        String adminToken,
        int poolSize,
        Duration work,
        Duration heapSampleInterval,
        boolean seed,
        boolean exitWithParent,
        FaultSpec faults,
        boolean echoToStdout,
        Duration poolIdleTimeout,
        Duration dbTimeout) {

    /** Where the migrations live when {@code MIGRATIONS_DIR} is unset, relative to the working directory. */
    public static final Path DEFAULT_MIGRATIONS_DIR = Path.of("src/main/resources/dev/greenlight/sample/prisma/migrations");

    /** Resolves the configuration from the process environment and system properties. */
    public static AppConfig fromEnvironment() {
        return fromEnvironment(System.getenv(), System.getProperties());
    }

    /**
     * Resolves the configuration from the given variables.
     *
     * @throws ConfigException naming the variable and what was expected
     */
    public static AppConfig fromEnvironment(Map<String, String> env, Properties systemProperties) {
        String portText = required(env, "PORT");
        int port = integer("PORT", portText, 0, 65535);
        String host = env.getOrDefault("HOST", "127.0.0.1").trim();
        DatabaseUrl url = DatabaseUrl.parse(required(env, "DATABASE_URL"));
        Personality personality = Personality.parse(env.getOrDefault("PRISMA_VERSION", Personality.CANDIDATE.version()));
        String appVersion = env.getOrDefault("APP_VERSION", "2.4.0").trim();
        Path migrations = env.containsKey("MIGRATIONS_DIR") ? Path.of(env.get("MIGRATIONS_DIR")) : DEFAULT_MIGRATIONS_DIR;
        if (!Files.isDirectory(migrations)) {
            throw new ConfigException("MIGRATIONS_DIR " + migrations.toAbsolutePath()
                    + " is not a directory; point it at the app's prisma/migrations folder");
        }
        Path logFile = blankToNull(env.get("LOG_FILE")) == null ? null : Path.of(env.get("LOG_FILE"));
        String token = blankToNull(env.get("ADMIN_TOKEN"));
        int poolSize = integer("POOL_SIZE", env.getOrDefault("POOL_SIZE", "10"), 1, 1000);
        int workMs = integer("WORK_MS", env.getOrDefault("WORK_MS", "10"), 0, 600_000);
        Duration heapSample = interval("HEAP_SAMPLE_INTERVAL", env.getOrDefault("HEAP_SAMPLE_INTERVAL", "2s"));
        boolean seed = bool("SEED", env.getOrDefault("SEED", "true"));
        boolean exitWithParent = bool("EXIT_WITH_PARENT", env.getOrDefault("EXIT_WITH_PARENT", "0"));
        String faultText = systemProperties.getProperty("greenlight.sample.faults", env.get("GREENLIGHT_SAMPLE_FAULTS"));
        FaultSpec faults;
        try {
            faults = FaultSpec.parse(faultText);
        } catch (FaultSpecException e) {
            throw new ConfigException("GREENLIGHT_SAMPLE_FAULTS: " + e.getMessage());
        }
        if (faults.poolLeak() > poolSize) {
            throw new ConfigException("GREENLIGHT_SAMPLE_FAULTS: pool-leak=" + faults.poolLeak()
                    + " is more than POOL_SIZE " + poolSize);
        }
        int idleMs = integer("POOL_IDLE_TIMEOUT_MS", env.getOrDefault("POOL_IDLE_TIMEOUT_MS", "10000"), 0, 86_400_000);
        int dbTimeoutMs = integer("DB_TIMEOUT_MS", env.getOrDefault("DB_TIMEOUT_MS", "2000"), 1, 600_000);
        return new AppConfig(host, port, url, personality, appVersion, migrations, logFile, token, poolSize,
                Duration.ofMillis(workMs), heapSample, seed, exitWithParent, faults, true, Duration.ofMillis(idleMs), Duration.ofMillis(dbTimeoutMs));
    }

    /** A copy with different start-up faults (for tests that start the app in-process). */
    public AppConfig withFaults(FaultSpec newFaults) {
        return new AppConfig(host, port, databaseUrl, personality, appVersion, migrationsDir, logFile, adminToken,
                poolSize, work, heapSampleInterval, seed, exitWithParent, newFaults, echoToStdout, poolIdleTimeout, dbTimeout);
    }

    /** A copy that logs to the log file only (for tests that start the app in-process). */
    public AppConfig quiet() {
        return new AppConfig(host, port, databaseUrl, personality, appVersion, migrationsDir, logFile, adminToken,
                poolSize, work, heapSampleInterval, seed, exitWithParent, faults, false, poolIdleTimeout, dbTimeout);
    }

    private static String required(Map<String, String> env, String name) {
        String value = blankToNull(env.get(name));
        if (value == null) {
            throw new ConfigException(name + " is required but not set");
        }
        return value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static int integer(String name, String value, int min, int max) {
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed < min || parsed > max) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new ConfigException(name + " must be a whole number from " + min + " to " + max + " but was '" + value + "'");
        }
    }

    /** {@code 0} (off), or a duration like {@code 500ms}, {@code 2s} or {@code 1m}. */
    private static Duration interval(String name, String value) {
        if (value.trim().equals("0")) {
            return Duration.ZERO;
        }
        try {
            return Quantities.duration(value);
        } catch (FaultSpecException e) {
            throw new ConfigException(name + " must be 0 (off) or a duration like 500ms, 2s or 1m but was '" + value + "'");
        }
    }

    private static boolean bool(String name, String value) {
        switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "1", "true", "yes", "on":
                return true;
            case "0", "false", "no", "off", "":
                return false;
            default:
                throw new ConfigException(name + " must be true/false or 1/0 but was '" + value + "'");
        }
    }

    @Override
    public String toString() {
        return "AppConfig[host=" + host + ", port=" + port + ", databaseUrl=" + databaseUrl
                + ", prisma=" + personality.version() + ", appVersion=" + appVersion
                + ", migrationsDir=" + migrationsDir + ", logFile=" + logFile
                + ", adminToken=" + (adminToken == null ? "unset" : "****") + ", poolSize=" + poolSize
                + ", workMs=" + work.toMillis() + ", heapSampleInterval=" + heapSampleInterval + ", seed=" + seed + ", exitWithParent=" + exitWithParent
                + ", faults=" + faults + "]";
    }
}
