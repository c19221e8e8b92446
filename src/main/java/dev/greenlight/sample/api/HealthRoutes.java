package dev.greenlight.sample.api;

import dev.greenlight.sample.db.Database;
import dev.greenlight.sample.db.PrismaException;
import dev.greenlight.sample.fault.FaultState;
import dev.greenlight.sample.http.Response;
import dev.greenlight.sample.http.RouteKind;
import dev.greenlight.sample.http.Router;
import dev.greenlight.sample.log.AppLog;
import dev.greenlight.sample.metrics.AppMetrics;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** {@code /api/health}, {@code /api/health/db} and {@code /metrics}. */
public final class HealthRoutes {

    private final Database db;
    private final FaultState faults;
    private final AppMetrics metrics;
    private final String appVersion;
    private final Supplier<String> prismaVersion;
    private final long startedNanos = System.nanoTime();

    public HealthRoutes(Database db, FaultState faults, AppMetrics metrics, String appVersion, Supplier<String> prismaVersion) {
        this.db = db;
        this.faults = faults;
        this.metrics = metrics;
        this.appVersion = appVersion;
        this.prismaVersion = prismaVersion;
    }

    public void register(Router router) {
        router.add("GET", "/api/health", RouteKind.HEALTH, r -> health());
        router.add("GET", "/api/health/db", RouteKind.HEALTH, r -> databaseHealth());
        router.add("GET", "/metrics", RouteKind.METRICS,
                r -> Response.text(200, "text/plain; version=0.0.4; charset=utf-8", metrics.render()));
    }

    private Response health() {
        if (faults.current().healthDown()) {
            return Response.json(503, Map.of("status", "error")).withCause("injected fault health=down");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "ok");
        body.put("version", appVersion);
        body.put("prisma", prismaVersion.get());
        body.put("uptimeSeconds", (System.nanoTime() - startedNanos) / 1_000_000_000L);
        return Response.json(200, body);
    }

    private Response databaseHealth() {
        Map<String, Object> body = new LinkedHashMap<>();
        try {
            double latency = db.ping();
            body.put("status", "ok");
            body.put("database", "postgresql");
            body.put("latencyMs", Math.round(latency * 100) / 100.0);
            return Response.json(200, body);
        } catch (PrismaException e) {
            body.put("status", "error");
            body.put("error", e.getMessage());
            return Response.json(503, body).withCause(e.logText());
        } catch (RuntimeException e) {
            body.put("status", "error");
            body.put("error", "Database check failed");
            return Response.json(503, body).withCause(AppLog.describe(e));
        }
    }
}
