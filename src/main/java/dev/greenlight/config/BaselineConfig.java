package dev.greenlight.config;

/**
 * The baseline deployment running alongside the candidate (Prisma 6.19.0 beside 7.0.1), for a time-matched
 * comparison: the soak drives both with the same schedule at the same time, so whatever else the machine or the
 * network does in that hour hits both alike. The {@code local} target starts one itself ({@code soak.baseline:
 * alongside}); a remote target names one that somebody else runs.
 *
 * @param baseUrl     the baseline's address (scheme, host, port, path prefix); unset: there is none
 * @param apiPrefix   prefix of its REST API's paths; {@code app.apiPrefix} when unset
 * @param metricsPath where its Prometheus text is, relative to {@code baseUrl} or absolute; {@code metrics.path} when unset
 * @param version     the version it runs, for the report; {@code app.version.baseline} when unset
 * @param database    its own database, read-only for Greenlight (for DB query time); optional
 */
public record BaselineConfig(String baseUrl, String apiPrefix, String metricsPath, String version, DatabaseConfig database) {

    public BaselineConfig {
        baseUrl = baseUrl == null || baseUrl.isBlank() ? null : baseUrl.replaceAll("/+$", "");
        database = database == null ? new DatabaseConfig(null, null, null, null, null, null) : database;
    }

    /** No baseline deployment. */
    public static BaselineConfig none() {
        return new BaselineConfig(null, null, null, null, null);
    }

    /** Whether a baseline deployment is named. */
    public boolean present() {
        return baseUrl != null;
    }
}
