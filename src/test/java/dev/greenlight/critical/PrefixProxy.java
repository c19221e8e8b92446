package dev.greenlight.critical;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A gateway in front of the sample app for self-tests, as staging apps often have one: {@code <prefix>/x} is
 * forwarded to the app's {@code /x}; {@code <prefix>/health...} passes unchanged (the app serves its health under
 * {@code /api/health}); anything outside the prefix is refused with 404, so a client that forgets the prefix fails.
 */
final class PrefixProxy implements AutoCloseable {

    private static final Set<String> HOP_BY_HOP = Set.of("host", "connection", "content-length", "transfer-encoding", "expect",
            "upgrade", "keep-alive", "date");

    private final String prefix;
    private final String upstream;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();
    private final AtomicInteger forwarded = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();

    private PrefixProxy(String prefix, String upstream) throws IOException {
        this.prefix = prefix;
        this.upstream = upstream;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    static PrefixProxy start(String prefix, String upstream) {
        try {
            return new PrefixProxy(prefix, upstream);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the prefix proxy", e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Requests forwarded from under the prefix. */
    int forwarded() {
        return forwarded.get();
    }

    /** Requests refused because they were outside the prefix. */
    int refused() {
        return refused.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            if (!path.equals(prefix) && !path.startsWith(prefix + "/")) {
                refused.incrementAndGet();
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            String target = path.startsWith(prefix + "/health") ? path : path.substring(prefix.length());
            forwarded.incrementAndGet();
            HttpResponse<byte[]> answer = forward(exchange, (target.isEmpty() ? "/" : target) + (query == null ? "" : "?" + query));
            answer.headers().map().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                    exchange.getResponseHeaders().put(name, List.copyOf(values));
                }
            });
            byte[] body = answer.body();
            exchange.sendResponseHeaders(answer.statusCode(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private HttpResponse<byte[]> forward(HttpExchange exchange, String pathAndQuery) throws IOException, InterruptedException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(upstream + pathAndQuery)).timeout(Duration.ofSeconds(15))
                .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> request.header(name, value));
            }
        });
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
