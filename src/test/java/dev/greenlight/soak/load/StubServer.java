package dev.greenlight.soak.load;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;

/**
 * A trivial HTTP server on 127.0.0.1 for the driver's tests and benchmarks: answers every request with a short
 * body and a chosen status, and can stall (answer nothing) for {@code stallMillis} out of every
 * {@code periodMillis}, answering what arrived during the stall when it ends.
 */
public final class StubServer implements AutoCloseable {

    private static final byte[] BODY = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "stub-server-later");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong requests = new AtomicLong();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger maxOpen = new AtomicInteger();
    private final java.util.Set<Integer> clientPorts = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final AtomicInteger delayMillis = new AtomicInteger();
    private volatile IntSupplier status = () -> 200;
    private volatile long stallMillis;
    private volatile long periodMillis;
    private volatile long epochNanos;

    private StubServer(HttpServer server) {
        this.server = server;
    }

    /** Starts on a free port; handlers run on the server's single dispatcher thread. */
    public static StubServer start() {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
            StubServer stub = new StubServer(http);
            http.createContext("/", stub::handle);
            http.setExecutor(null);
            http.start();
            return stub;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public long requests() {
        return requests.get();
    }

    /** The most requests the server held unanswered at once. */
    public int maxOpen() {
        return maxOpen.get();
    }

    /** Distinct client ports seen: the connections clients opened. */
    public int connections() {
        return clientPorts.size();
    }

    /** Every answer gets this status from now on. */
    public StubServer status(IntSupplier next) {
        status = next;
        return this;
    }

    /** Every answer is delayed this long (without blocking the server). */
    public StubServer delay(int millis) {
        delayMillis.set(millis);
        return this;
    }

    /** Stalls for {@code stall} out of every {@code period}, counted from {@code epoch} ({@code System.nanoTime()}). */
    public StubServer stall(long stall, long period, long epoch) {
        this.stallMillis = stall;
        this.periodMillis = period;
        this.epochNanos = epoch;
        return this;
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        clientPorts.add(exchange.getRemoteAddress().getPort());
        maxOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
        exchange.getRequestBody().readAllBytes();
        long wait = delayMillis.get() * 1_000_000L;
        if (periodMillis > 0) {
            long phase = Math.floorMod(System.nanoTime() - epochNanos, periodMillis * 1_000_000L);
            if (phase < stallMillis * 1_000_000L) {
                wait = Math.max(wait, stallMillis * 1_000_000L - phase);
            }
        }
        if (wait > 0) {
            later.schedule(() -> answer(exchange), wait, TimeUnit.NANOSECONDS);
        } else {
            answer(exchange);
        }
    }

    private void answer(HttpExchange exchange) {
        open.decrementAndGet();
        try {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status.getAsInt(), BODY.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(BODY);
            }
        } catch (IOException e) {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        later.shutdownNow();
    }
}
