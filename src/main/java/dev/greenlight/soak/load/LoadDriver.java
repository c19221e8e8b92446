package dev.greenlight.soak.load;

import io.netty.channel.ConnectTimeoutException;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-model load driver on Vert.x's (Netty-based) HTTP/1.1 client. One scheduler thread issues each request
 * when the {@link ArrivalSchedule} says it is due, whether or not earlier ones have answered, catching up in a
 * batch when it woke late; the requests go to {@link Lane}s, one per event loop, each holding its share of the
 * concurrency bound and a keep-alive pool of that size. A request due while the limit is full waits in a backlog
 * and starts late, its latency still measured from when it was due; one that waited longer than the request
 * timeout is dropped and counted as an error, and so is one due while the backlog is full. Every request has the
 * timeout. Results are read interval by interval with {@link #snapshot()}; nothing accumulates beyond one interval,
 * so a 48-hour run needs no more memory than a minute's.
 */
public final class LoadDriver implements AutoCloseable {

    private static final long MAX_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final int MAX_BATCH = 4096;

    private final RequestMix mix;
    private final LoadSettings settings;
    private final VertxLanes lanes;
    private final CountDownLatch schedulerDone = new CountDownLatch(1);
    private volatile boolean stopping;
    private volatile long scheduled;
    private Thread scheduler;
    private volatile long startNanos;
    private long intervalStart;

    /** Opens the connection pools' event loops; nothing is sent before {@link #start}. */
    public LoadDriver(RequestMix mix, LoadSettings settings) {
        this.mix = mix;
        this.settings = settings;
        this.lanes = new VertxLanes(mix, settings, () -> stopping);
        this.intervalStart = System.nanoTime();
    }

    /** Starts sending on its own thread; returns at once. */
    public synchronized void start(ArrivalSchedule schedule) {
        start(schedule, System.nanoTime());
    }

    /**
     * Starts the schedule at {@code atNanos} ({@code System.nanoTime()}, now or a moment ahead), so two drivers can run
     * one schedule side by side, offset by a fraction of a period: interleaved request by request.
     */
    public synchronized void start(ArrivalSchedule schedule, long atNanos) {
        if (scheduler != null) {
            throw new IllegalStateException("already started");
        }
        startNanos = atNanos;
        snapshot();
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
            List<Lane> all = lanes.all();
            long[][] batches = new long[all.size()][MAX_BATCH];
            int[] sizes = new int[all.size()];
            long[] handed = new long[all.size()];
            long total = schedule.total();
            long i = 0;
            while (i < total && !stopping) {
                long now = System.nanoTime();
                long wait = startNanos + schedule.offsetNanos(i) - now;
                if (wait > 0) {
                    LockSupport.parkNanos(Math.min(wait, MAX_PARK_NANOS));
                    continue;
                }
                for (int l = 0; l < handed.length; l++) {
                    handed[l] = all.get(l).outstanding();
                }
                // everything due by now, each to the lane with the fewest outstanding, so a slow lane's backlog
                // does not hold a request another lane could start
                int count = 0;
                while (i < total && count < MAX_BATCH && startNanos + schedule.offsetNanos(i) <= now) {
                    int lane = 0;
                    for (int l = 1; l < handed.length; l++) {
                        if (handed[l] < handed[lane]) {
                            lane = l;
                        }
                    }
                    batches[lane][sizes[lane]++] = startNanos + schedule.offsetNanos(i);
                    handed[lane]++;
                    count++;
                    i++;
                }
                for (int l = 0; l < sizes.length; l++) {
                    if (sizes[l] > 0) {
                        all.get(l).issue(Arrays.copyOf(batches[l], sizes[l]), sizes[l]);
                        sizes[l] = 0;
                    }
                }
                scheduled = i;
            }
        } finally {
            schedulerDone.countDown();
        }
    }

    static Outcome classify(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof TimeoutException || cause instanceof HttpTimeoutException || cause instanceof ConnectTimeoutException) {
            return Outcome.TIMEOUT;
        }
        if (cause instanceof IOException) {
            return Outcome.CONNECTION;
        }
        return Outcome.CONNECTION;
    }

    /** Closes the current interval and returns what finished in it. */
    public synchronized LoadInterval snapshot() {
        LoadCounts counts = new LoadCounts(mix.names().size(), settings.lateAfter().toNanos());
        for (Lane lane : lanes.all()) {
            lane.drainInto(counts);
        }
        long now = System.nanoTime();
        LoadInterval interval = counts.toInterval(intervalStart, now);
        intervalStart = now;
        return interval;
    }

    /** Whether the schedule has been fully issued (or stopped). */
    public boolean scheduleDone() {
        return schedulerDone.getCount() == 0;
    }

    /** Requests in flight or waiting for a slot. */
    public int outstanding() {
        long sum = 0;
        for (Lane lane : lanes.all()) {
            sum += lane.outstanding();
        }
        return (int) sum;
    }

    /** Requests the schedule issued so far. */
    public long scheduled() {
        return scheduled;
    }

    /** Requests actually sent. */
    public long sent() {
        long sum = 0;
        for (Lane lane : lanes.all()) {
            sum += lane.sent();
        }
        return sum;
    }

    /** Backlogged requests discarded because the run stopped before they could start. */
    public long notSent() {
        long sum = 0;
        for (Lane lane : lanes.all()) {
            sum += lane.notSent();
        }
        return sum;
    }

    /** Stops issuing; requests in flight still finish (or time out). Backlogged ones are discarded, not counted. */
    public void stop() {
        stopping = true;
        for (Lane lane : lanes.all()) {
            lane.discardBacklog();
        }
    }

    /** Waits at most {@code atMost} for the scheduler thread to end. */
    public boolean awaitScheduler(Duration atMost) throws InterruptedException {
        return schedulerDone.await(atMost.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Stops, and closes the connections and event loops (requests still in flight are abandoned, not counted). */
    @Override
    public void close() {
        stop();
        lanes.close();
    }
}
