package dev.greenlight.soak.load;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-model load driver on the JDK's asynchronous {@link HttpClient}. A scheduler thread starts each
 * request when the {@link ArrivalSchedule} says it is due, whether or not earlier ones have answered. At most
 * {@code maxConcurrency} requests are in flight; a request due while the limit is full waits in a backlog and
 * starts late, its latency still measured from when it was due; one that waited longer than the request
 * timeout is dropped and counted as an error. Results are read interval by interval with
 * {@link #snapshot()}; nothing accumulates beyond one interval, so a 48-hour run needs no more memory than a
 * minute's.
 */
public final class LoadDriver implements AutoCloseable {

    private static final long MAX_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final HttpClient client;
    private final RequestMix mix;
    private final int maxConcurrency;
    private final long timeoutNanos;
    private final Executor spill;
    private final LoadAccumulator accumulator;
    private final LongRing backlog;
    private final Object gate = new Object();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicLong scheduled = new AtomicLong();
    private final AtomicLong started = new AtomicLong();
    private final AtomicLong notSent = new AtomicLong();
    private final CountDownLatch schedulerDone = new CountDownLatch(1);
    private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);
    private int inFlight;
    private Thread scheduler;
    private volatile long startNanos;

    /**
     * @param client         the HTTP client; its executor also runs completions
     * @param mix            what to send
     * @param maxConcurrency requests in flight at most
     * @param timeout        per-request timeout (also how long a request may wait in the backlog)
     * @param lateAfter      a start this much after its due time counts as late
     * @param backlogLimit   requests that may wait for a free slot; more are dropped at once
     * @param spill          runs a completion's follow-up when completions nest too deeply on one thread
     */
    public LoadDriver(HttpClient client, RequestMix mix, int maxConcurrency, Duration timeout, Duration lateAfter,
                      int backlogLimit, Executor spill) {
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("maxConcurrency must be at least 1, got " + maxConcurrency);
        }
        this.client = client;
        this.mix = mix;
        this.maxConcurrency = maxConcurrency;
        this.timeoutNanos = timeout.toNanos();
        this.spill = spill;
        this.backlog = new LongRing(Math.max(1, backlogLimit));
        this.accumulator = new LoadAccumulator(mix.names().size(), lateAfter.toNanos(), System.nanoTime());
    }

    /** Starts sending on its own thread; returns at once. */
    public synchronized void start(ArrivalSchedule schedule) {
        if (scheduler != null) {
            throw new IllegalStateException("already started");
        }
        startNanos = System.nanoTime();
        accumulator.snapshot(startNanos);
        scheduler = new Thread(() -> runSchedule(schedule), "greenlight-load-scheduler");
        scheduler.setDaemon(true);
        scheduler.start();
    }

    /** {@code System.nanoTime()} when the schedule started. */
    public long startNanos() {
        return startNanos;
    }

    private void runSchedule(ArrivalSchedule schedule) {
        try {
            long total = schedule.total();
            long i = 0;
            while (i < total && !stopping.get()) {
                long due = startNanos + schedule.offsetNanos(i);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(Math.min(wait, MAX_PARK_NANOS));
                    continue;
                }
                scheduled.incrementAndGet();
                admit(due);
                i++;
            }
        } finally {
            schedulerDone.countDown();
        }
    }

    private void admit(long due) {
        boolean send;
        synchronized (gate) {
            send = inFlight < maxConcurrency && backlog.isEmpty();
            if (send) {
                inFlight++;
            } else if (!backlog.offer(due)) {
                long now = System.nanoTime();
                accumulator.record(-1, Outcome.DROPPED, due, now, now);
                return;
            }
        }
        if (send) {
            dispatch(due);
        }
    }

    private void dispatch(long due) {
        PlannedRequest plan;
        try {
            plan = mix.next();
        } catch (RuntimeException e) {
            long now = System.nanoTime();
            accumulator.record(-1, Outcome.CONNECTION, due, now, now);
            release();
            return;
        }
        long sent = System.nanoTime();
        started.incrementAndGet();
        try {
            HttpResponse.BodyHandler<byte[]> handler = plan.wantBody()
                    ? HttpResponse.BodyHandlers.ofByteArray()
                    : discard();
            client.sendAsync(plan.request(), handler)
                    .whenComplete((response, failure) -> finish(plan, due, sent, response, failure));
        } catch (RuntimeException e) {
            finish(plan, due, sent, null, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static HttpResponse.BodyHandler<byte[]> discard() {
        return (HttpResponse.BodyHandler<byte[]>) (HttpResponse.BodyHandler<?>) HttpResponse.BodyHandlers.discarding();
    }

    private void finish(PlannedRequest plan, long due, long sent, HttpResponse<byte[]> response, Throwable failure) {
        long done = System.nanoTime();
        Outcome outcome;
        if (failure == null) {
            outcome = Outcome.ofStatus(response.statusCode());
        } else {
            outcome = classify(failure);
        }
        accumulator.record(plan.kind(), outcome, due, sent, done);
        if (failure == null) {
            try {
                mix.completed(plan, response.statusCode(), response.body());
            } catch (RuntimeException e) {
                // a capture that fails to parse leaves the pool as it was; the request itself is already counted
            }
        } else {
            try {
                mix.failed(plan);
            } catch (RuntimeException e) {
                // as above
            }
        }
        int[] nesting = depth.get();
        if (nesting[0] > 4) {
            spill.execute(this::release);
            return;
        }
        nesting[0]++;
        try {
            release();
        } finally {
            nesting[0]--;
        }
    }

    /** A slot is free: start the oldest backlogged request still worth starting, or give the slot back. */
    private void release() {
        while (true) {
            long due;
            synchronized (gate) {
                if (backlog.isEmpty() || stopping.get()) {
                    inFlight--;
                    return;
                }
                due = backlog.poll();
            }
            long now = System.nanoTime();
            if (now - due > timeoutNanos) {
                accumulator.record(-1, Outcome.DROPPED, due, now, now);
                continue;
            }
            dispatch(due);
            return;
        }
    }

    static Outcome classify(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof java.util.concurrent.ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof HttpTimeoutException || cause instanceof java.util.concurrent.TimeoutException) {
            return Outcome.TIMEOUT;
        }
        if (cause instanceof IOException) {
            return Outcome.CONNECTION;
        }
        return Outcome.CONNECTION;
    }

    /** Closes the current interval and returns what finished in it. */
    public LoadInterval snapshot() {
        return accumulator.snapshot(System.nanoTime());
    }

    /** Whether the schedule has been fully issued (or stopped). */
    public boolean scheduleDone() {
        return schedulerDone.getCount() == 0;
    }

    /** Requests in flight or waiting for a slot. */
    public int outstanding() {
        synchronized (gate) {
            return inFlight + backlog.size();
        }
    }

    /** Requests the schedule issued so far. */
    public long scheduled() {
        return scheduled.get();
    }

    /** Requests actually sent. */
    public long sent() {
        return started.get();
    }

    /** Backlogged requests discarded because the run stopped before they could start. */
    public long notSent() {
        return notSent.get();
    }

    /** Stops issuing; requests in flight still finish (or time out). Backlogged ones are discarded, not counted. */
    public void stop() {
        stopping.set(true);
        synchronized (gate) {
            notSent.addAndGet(backlog.size());
            backlog.clear();
        }
    }

    /** Stops, and waits at most {@code atMost} for the scheduler thread to end. */
    public boolean awaitScheduler(Duration atMost) throws InterruptedException {
        return schedulerDone.await(atMost.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void close() {
        stop();
    }

    /** A fixed-capacity FIFO of due times; no allocation per request. */
    static final class LongRing {
        private final long[] items;
        private int head;
        private int size;

        LongRing(int capacity) {
            items = new long[capacity];
        }

        boolean offer(long value) {
            if (size == items.length) {
                return false;
            }
            items[(head + size) % items.length] = value;
            size++;
            return true;
        }

        long poll() {
            long value = items[head];
            head = (head + 1) % items.length;
            size--;
            return value;
        }

        boolean isEmpty() {
            return size == 0;
        }

        int size() {
            return size;
        }

        void clear() {
            head = 0;
            size = 0;
        }
    }
}
