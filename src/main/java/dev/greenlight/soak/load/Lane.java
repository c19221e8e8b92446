package dev.greenlight.soak.load;

import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

import java.net.URI;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * One event loop's share of the load: its own keep-alive connection pool, at most {@code slots} requests in flight,
 * a backlog of due times waiting for a slot, and an accumulator only it writes. Everything but the counters is
 * touched on the event loop alone, so nothing here takes a lock. Every request has a deadline; a periodic sweep
 * times out those past it and resets their connection.
 */
final class Lane {

    private final Context context;
    private final HttpClientAgent client;
    private final RequestMix mix;
    private final LoadAccumulator accumulator;
    private final long timeoutNanos;
    private final BooleanSupplier stopping;
    private final Call[] slots;
    private final int[] free;
    private int freeCount;
    private final LongRing backlog;
    private final AtomicLong issued = new AtomicLong();
    private final AtomicLong settled = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong notSent = new AtomicLong();

    Lane(Context context, HttpClientAgent client, RequestMix mix, LoadAccumulator accumulator, int slots, int backlog,
         long timeoutNanos, BooleanSupplier stopping) {
        this.context = context;
        this.client = client;
        this.mix = mix;
        this.accumulator = accumulator;
        this.timeoutNanos = timeoutNanos;
        this.stopping = stopping;
        this.slots = new Call[slots];
        this.free = new int[slots];
        for (int i = 0; i < slots; i++) {
            free[i] = slots - 1 - i;
        }
        this.freeCount = slots;
        this.backlog = new LongRing(backlog);
    }

    /** Hands due times to the event loop; called by the scheduler thread only. */
    void issue(long[] dues, int count) {
        issued.addAndGet(count);
        context.runOnContext(ignored -> {
            for (int i = 0; i < count; i++) {
                admit(dues[i]);
            }
        });
    }

    /** Starts the timeout sweep on the event loop, every {@code periodMillis}. */
    void startSweep(long periodMillis) {
        context.runOnContext(ignored -> context.owner().setPeriodic(periodMillis, id -> sweep()));
    }

    /** Discards the backlog (counted as not sent) once the event loop gets to it. */
    void discardBacklog() {
        context.runOnContext(ignored -> {
            int discarded = backlog.size();
            backlog.clear();
            notSent.addAndGet(discarded);
            settled.addAndGet(discarded);
        });
    }

    private void admit(long due) {
        if (stopping.getAsBoolean()) {
            notSent.incrementAndGet();
            settled.incrementAndGet();
        } else if (freeCount > 0 && backlog.isEmpty()) {
            dispatch(due);
        } else if (!backlog.offer(due)) {
            long now = System.nanoTime();
            accumulator.record(-1, Outcome.DROPPED, due, now, now);
            settled.incrementAndGet();
        }
    }

    private void dispatch(long due) {
        long now = System.nanoTime();
        PlannedRequest plan;
        try {
            plan = mix.next();
        } catch (RuntimeException e) {
            accumulator.record(-1, Outcome.CONNECTION, due, now, now);
            settled.incrementAndGet();
            return;
        }
        Call call = new Call(free[--freeCount], plan, due, now);
        slots[call.slot] = call;
        sent.incrementAndGet();
        try {
            client.request(options(plan)).onComplete(result -> send(call, result));
        } catch (RuntimeException e) {
            finish(call, 0, null, e);
        }
    }

    private void send(Call call, AsyncResult<HttpClientRequest> result) {
        if (result.failed()) {
            finish(call, 0, null, result.cause());
            return;
        }
        HttpClientRequest request = result.result();
        if (call.done) {
            request.reset();
            return;
        }
        call.request = request;
        byte[] body = call.plan.body();
        (body == null ? request.send() : request.send(Buffer.buffer(body))).onComplete(answer -> {
            if (answer.failed()) {
                finish(call, 0, null, answer.cause());
                return;
            }
            HttpClientResponse response = answer.result();
            int status = response.statusCode();
            if (call.plan.wantBody()) {
                response.body().onComplete(read -> finish(call, status, read.succeeded() ? read.result().getBytes() : null,
                        read.failed() ? read.cause() : null));
            } else {
                response.end().onComplete(read -> finish(call, status, null, read.failed() ? read.cause() : null));
            }
        });
    }

    private static RequestOptions options(PlannedRequest plan) {
        URI uri = plan.uri();
        boolean ssl = "https".equalsIgnoreCase(uri.getScheme());
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.valueOf(plan.method())).setHost(uri.getHost())
                .setPort(uri.getPort() > 0 ? uri.getPort() : ssl ? 443 : 80).setSsl(ssl)
                .setURI(uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery());
        if (plan.body() != null) {
            options.putHeader("Content-Type", "application/json");
        }
        return options;
    }

    private void finish(Call call, int status, byte[] body, Throwable failure) {
        if (call.done) {
            return;
        }
        long done = System.nanoTime();
        Outcome outcome = failure == null ? Outcome.ofStatus(status) : LoadDriver.classify(failure);
        settle(call, outcome, done);
        try {
            if (failure == null) {
                mix.completed(call.plan, status, body);
            } else {
                mix.failed(call.plan);
            }
        } catch (RuntimeException e) {
            // a capture that fails to parse leaves the pool as it was; the request itself is already counted
        }
        startBacklogged();
    }

    private void settle(Call call, Outcome outcome, long done) {
        call.done = true;
        slots[call.slot] = null;
        free[freeCount++] = call.slot;
        accumulator.record(call.plan.kind(), outcome, call.due, call.sent, done);
        settled.incrementAndGet();
    }

    /** Slots are free: start the oldest backlogged requests still worth starting; drop those that waited too long. */
    private void startBacklogged() {
        while (freeCount > 0 && !backlog.isEmpty() && !stopping.getAsBoolean()) {
            long due = backlog.poll();
            long now = System.nanoTime();
            if (now - due > timeoutNanos) {
                accumulator.record(-1, Outcome.DROPPED, due, now, now);
                settled.incrementAndGet();
            } else {
                dispatch(due);
            }
        }
    }

    private void sweep() {
        long now = System.nanoTime();
        boolean freed = false;
        for (Call call : slots) {
            if (call != null && now - call.sent >= timeoutNanos) {
                settle(call, Outcome.TIMEOUT, now);
                try {
                    mix.failed(call.plan);
                } catch (RuntimeException e) {
                    // as in finish
                }
                if (call.request != null) {
                    call.request.reset();
                }
                freed = true;
            }
        }
        if (freed) {
            startBacklogged();
        }
    }

    /** Adds what finished since the last call to {@code counts}; any thread. */
    void drainInto(LoadCounts counts) {
        accumulator.drainInto(counts);
    }

    /** Requests handed to this lane and not yet finished, dropped or discarded. */
    long outstanding() {
        return issued.get() - settled.get();
    }

    long sent() {
        return sent.get();
    }

    long notSent() {
        return notSent.get();
    }

    /** One request in flight; touched on the event loop only. */
    private static final class Call {
        final int slot;
        final PlannedRequest plan;
        final long due;
        final long sent;
        HttpClientRequest request;
        boolean done;

        Call(int slot, PlannedRequest plan, long due, long sent) {
            this.slot = slot;
            this.plan = plan;
            this.due = due;
            this.sent = sent;
        }
    }
}
