package dev.greenlight.sample.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.greenlight.sample.db.DataException;
import dev.greenlight.sample.db.PrismaException;
import dev.greenlight.sample.fault.FaultSpec;
import dev.greenlight.sample.log.AppLog;
import dev.greenlight.sample.metrics.AppMetrics;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * The server's one handler: routes the request, applies the faults that target it, runs the
 * simulated work and the handler, maps failures to status codes, writes the answer, logs 5xx with
 * their cause and records {@code http_request_duration_seconds}.
 *
 * <p>API and UI requests run on a bounded worker pool, so a saturated app shows queueing as latency;
 * {@code /api/health/db} on threads of its own (each check waits for the pool like a pending promise);
 * admin requests on a small pool of their own, so faults can always be cleared; {@code /api/health} and
 * {@code /metrics} on the dispatcher, so they answer even while every worker waits for the database —
 * as a Node app's event loop would.
 */
public final class RequestPipeline implements HttpHandler {

    private static final int MAX_BODY = 1024 * 1024;

    private final Router router;
    private final Supplier<FaultSpec> faults;
    private final AppMetrics metrics;
    private final AppLog log;
    private final Duration work;
    private final Runnable onApiRequest;
    private final ErrorSpacing errorSpacing = new ErrorSpacing();
    private final ExecutorService workers;
    private final ExecutorService control;
    private final ExecutorService admin;
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * @param onApiRequest called once per API request (the memory faults hook in here)
     * @param workers      runs API and UI requests
     * @param control      runs database health checks
     * @param admin        runs admin requests
     */
    public RequestPipeline(Router router, Supplier<FaultSpec> faults, AppMetrics metrics, AppLog log, Duration work,
            Runnable onApiRequest, ExecutorService workers, ExecutorService control, ExecutorService admin) {
        this.router = router;
        this.faults = faults;
        this.metrics = metrics;
        this.log = log;
        this.work = work;
        this.onApiRequest = onApiRequest;
        this.workers = workers;
        this.control = control;
        this.admin = admin;
    }

    /** Requests received and not yet answered (for a graceful shutdown). */
    public int inFlight() {
        return inFlight.get();
    }

    @Override
    public void handle(HttpExchange exchange) {
        long received = System.nanoTime();
        inFlight.incrementAndGet();
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String path = exchange.getRequestURI().getRawPath();
        Router.Resolution resolution = router.resolve(method, path);
        Route route = resolution.route();
        Runnable task = () -> process(exchange, method, path, resolution, received);
        if (route == null || route.kind() == RouteKind.METRICS || route.pattern().equals("/api/health")) {
            task.run();
            return;
        }
        try {
            ExecutorService executor = route.kind().isApplication() ? workers : route.kind() == RouteKind.ADMIN ? admin : control;
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            write(exchange, Response.error(503, "Server is shutting down"));
            inFlight.decrementAndGet();
        }
    }

    private void process(HttpExchange exchange, String method, String path, Router.Resolution resolution, long received) {
        Route route = resolution.route();
        RouteKind kind = route == null ? null : route.kind();
        Response response;
        try {
            Request request = read(exchange, method, path, resolution);
            response = respond(request, route, path);
        } catch (ApiError e) {
            response = errorFor(kind, e.status(), e.getMessage(), exchange);
        } catch (RuntimeException | Error e) {
            response = errorFor(kind, 500, "Internal Server Error", exchange).withCause(AppLog.describe(e));
        }
        if (response.status() >= 500) {
            log.error(method + " " + path + " -> " + response.status() + ": "
                    + (response.cause() == null ? "no cause recorded" : response.cause()));
        }
        write(exchange, response);
        inFlight.decrementAndGet();
        if (kind != RouteKind.METRICS) {
            metrics.observeRequest(method, route == null ? "unmatched" : route.pattern(), response.status(),
                    (System.nanoTime() - received) / 1e9);
        }
    }

    private Response respond(Request request, Route route, String path) {
        if (route == null) {
            return downOrElse(path, null, () -> unmatched(request, path));
        }
        long started = System.nanoTime();
        FaultSpec spec = faults.get();
        RouteKind kind = route.kind();
        Response response;
        if (kind == RouteKind.API) {
            onApiRequest.run();
        }
        var down = kind == RouteKind.ADMIN ? java.util.Optional.<String>empty() : spec.downPrefixFor(path);
        if (down.isPresent()) {
            response = errorFor(kind, 500, "Internal Server Error", null).withCause("injected fault down=" + down.get());
        } else if (kind == RouteKind.API && spec.errors().isPresent() && errorSpacing.failsNext(spec.errors().getAsDouble())) {
            response = errorFor(kind, 500, "Internal Server Error", null)
                    .withCause("injected fault errors=" + spec.errors().getAsDouble() * 100 + "%");
        } else {
            if (kind.isApplication()) {
                Pause.sleep(work);
            }
            response = invoke(route, request);
        }
        if (kind.isApplication()) {
            FaultSpec now = faults.get();
            Duration extra = now.latency().orElse(Duration.ZERO);
            if (now.slowdown().isPresent()) {
                long handling = System.nanoTime() - started;
                extra = extra.plusNanos((long) (handling * now.slowdown().getAsDouble()));
            }
            Pause.sleep(extra);
        }
        return response;
    }

    private Response downOrElse(String path, RouteKind kind, Supplier<Response> otherwise) {
        var down = faults.get().downPrefixFor(path);
        if (down.isPresent() && !path.startsWith("/__admin")) {
            return errorFor(kind, 500, "Internal Server Error", null).withCause("injected fault down=" + down.get());
        }
        return otherwise.get();
    }

    private Response unmatched(Request request, String path) {
        Router.Resolution again = router.resolve(request.method(), path);
        boolean html = request.header("accept").map(a -> a.contains("text/html")).orElse(false);
        if (!again.allowed().isEmpty()) {
            Response response = html ? ErrorPage.render(405, "Method " + request.method() + " is not allowed on " + path)
                    : Response.error(405, "Method " + request.method() + " is not allowed on " + path
                            + "; allowed: " + String.join(", ", again.allowed()));
            return response.withHeader("Allow", String.join(", ", again.allowed()));
        }
        String message = "Cannot " + request.method() + " " + path;
        return html ? ErrorPage.render(404, message) : Response.error(404, message);
    }

    private Response invoke(Route route, Request request) {
        try {
            return route.handler().handle(request);
        } catch (ApiError e) {
            return errorFor(route.kind(), e.status(), e.getMessage(), null)
                    .withCause(e.status() >= 500 ? e.getMessage() : null);
        } catch (PrismaException e) {
            String message = e.httpStatus() == 503 ? e.getMessage() : "Internal Server Error";
            return errorFor(route.kind(), e.httpStatus(), message, null).withCause(e.logText());
        } catch (DataException e) {
            return errorFor(route.kind(), 500, "Internal Server Error", null)
                    .withCause("DatabaseError " + e.sqlState() + ": " + e.getMessage());
        } catch (Exception e) {
            return errorFor(route.kind(), 500, "Internal Server Error", null).withCause(AppLog.describe(e));
        }
    }

    private static Response errorFor(RouteKind kind, int status, String message, HttpExchange exchange) {
        boolean html = kind == RouteKind.UI || (kind == null && exchange != null
                && String.valueOf(exchange.getRequestHeaders().getFirst("Accept")).contains("text/html"));
        return html ? ErrorPage.render(status, message) : Response.error(status, message);
    }

    private static Request read(HttpExchange exchange, String method, String path, Router.Resolution resolution) {
        Map<String, String> headers = new HashMap<>();
        for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
            if (header.getKey() != null && !header.getValue().isEmpty()) {
                headers.put(header.getKey().toLowerCase(Locale.ROOT), header.getValue().get(0));
            }
        }
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_BODY + 1);
        } catch (IOException e) {
            throw ApiError.badRequest("Could not read the request body: " + e.getMessage());
        }
        if (body.length > MAX_BODY) {
            throw new ApiError(413, "Request body is larger than " + MAX_BODY + " bytes");
        }
        return new Request(method, path, resolution.params(), exchange.getRequestURI().getRawQuery(), headers, body);
    }

    private static void write(HttpExchange exchange, Response response) {
        try {
            Headers headers = exchange.getResponseHeaders();
            if (response.contentType() != null) {
                headers.set("Content-Type", response.contentType());
            }
            response.headers().forEach((name, values) -> values.forEach(value -> headers.add(name, value)));
            byte[] body = response.body();
            boolean head = exchange.getRequestMethod().equalsIgnoreCase("HEAD");
            exchange.sendResponseHeaders(response.status(), body.length == 0 || head ? -1 : body.length);
            if (body.length > 0 && !head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        } catch (IOException e) {
            // the client went away; nothing left to tell it
        } finally {
            exchange.close();
        }
    }
}
