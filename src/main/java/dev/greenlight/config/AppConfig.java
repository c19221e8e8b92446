package dev.greenlight.config;

import java.time.Duration;

/**
 * The deployed application as seen over HTTP.
 *
 * @param baseUrl    scheme, host, port and any path the whole app sits under; {@code local} fills it in at start
 * @param apiPrefix  prefix of the REST API's paths, e.g. {@code /api} when the app sits behind it; empty by default
 * @param health     health endpoints and what "ok" looks like
 * @param version    which version must be deployed and where to read it
 * @param timeouts   connect and request timeouts for every HTTP call
 * @param readiness  how long to wait for the target before the run gives up
 */
public record AppConfig(
        String baseUrl,
        String apiPrefix,
        HealthConfig health,
        VersionConfig version,
        Timeouts timeouts,
        Readiness readiness) {

    public AppConfig {
        apiPrefix = apiPrefix == null ? "" : stripTrailingSlash(apiPrefix);
        health = health == null ? new HealthConfig(null, null, null, null) : health;
        version = version == null ? new VersionConfig(null, null, null, null) : version;
        timeouts = timeouts == null ? new Timeouts(null, null) : timeouts;
        readiness = readiness == null ? new Readiness(null, null) : readiness;
        baseUrl = baseUrl == null ? null : stripTrailingSlash(baseUrl);
    }

    public AppConfig withBaseUrl(String url) {
        return new AppConfig(url, apiPrefix, health, version, timeouts, readiness);
    }

    private static String stripTrailingSlash(String text) {
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    /**
     * @param path        the health endpoint, relative to {@code baseUrl}
     * @param dbPath      the database health endpoint
     * @param statusField JSON field (GPath) of the health payload that says ok
     * @param okValue     the value of {@code statusField} that means healthy
     */
    public record HealthConfig(String path, String dbPath, String statusField, String okValue) {
        public HealthConfig {
            path = path == null ? "/api/health" : path;
            dbPath = dbPath == null ? "/api/health/db" : dbPath;
            statusField = statusField == null ? "status" : statusField;
            okValue = okValue == null ? "ok" : okValue;
        }
    }

    /**
     * @param expected    the version that must be running (the candidate), e.g. {@code 7.0.1}
     * @param baseline    the version a rollback returns to, e.g. {@code 6.19.0}
     * @param healthField JSON field (GPath) of the health payload that carries the version
     * @param logPattern  the log line that proves it, {@code {version}} standing for the version
     */
    public record VersionConfig(String expected, String baseline, String healthField, String logPattern) {
        public VersionConfig {
            healthField = healthField == null ? "version" : healthField;
            logPattern = logPattern == null ? "{version}" : logPattern;
        }

        /** The log line that proves {@code someVersion} runs. */
        public String logLineFor(String someVersion) {
            return logPattern.replace("{version}", someVersion);
        }
    }

    /**
     * @param connect how long to wait for a TCP connection
     * @param request how long to wait for a whole response
     */
    public record Timeouts(Duration connect, Duration request) {
        public Timeouts {
            connect = connect == null ? Duration.ofSeconds(3) : connect;
            request = request == null ? Duration.ofSeconds(15) : request;
        }
    }

    /**
     * @param timeout how long the target may take to answer its health endpoint with ok
     * @param poll    how often to ask meanwhile
     */
    public record Readiness(Duration timeout, Duration poll) {
        public Readiness {
            timeout = timeout == null ? Duration.ofSeconds(60) : timeout;
            poll = poll == null ? Duration.ofMillis(250) : poll;
        }
    }
}
