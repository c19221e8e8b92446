package dev.greenlight.sample.http;

/** What a route serves; decides which faults apply to it and how its errors are rendered. */
public enum RouteKind {
    /** The Express example's JSON API: work, latency, slowdown, errors and down faults apply. */
    API,
    /** Server-rendered pages and their form posts: work, latency, slowdown and down faults apply. */
    UI,
    /** {@code /api/health*}: only faults that target it ({@code health=down}, {@code down=}, {@code db=down}). */
    HEALTH,
    /** {@code /metrics}: only a {@code down=} prefix that names it. */
    METRICS,
    /** {@code /__admin/*}: no fault applies, so faults can always be switched off. */
    ADMIN;

    /** Whether business-request faults (work, latency, slowdown) apply. */
    public boolean isApplication() {
        return this == API || this == UI;
    }
}
