package dev.greenlight.sample.metrics;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * The live heap as Node's {@code heapUsed} effectively reads it: a daemon thread that every interval runs a full
 * collection ({@code System.gc()}; with {@code -XX:+UseSerialGC} a real full GC of a small heap) and records the
 * heap used right after it. Without it the old generation keeps promoted garbage until it happens to be collected,
 * so a healthy app's heap seems to grow over a short run. The pause is timed so its cost can be read from
 * {@code /metrics}. An interval of zero turns the sampler off; the live heap then falls back to
 * {@link ProcessStats#liveHeapBytes()} (usage after the most recent collection of each pool).
 */
public final class HeapSampler implements AutoCloseable {

    private final ScheduledExecutorService timer;
    private final DoubleAdder pauseSeconds = new DoubleAdder();
    private volatile double lastBytes = Double.NaN;
    private volatile double lastPauseSeconds = Double.NaN;
    private volatile long samples;

    private HeapSampler(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    /** Starts sampling now and then every {@code interval}; {@link Duration#ZERO} starts nothing. */
    public static HeapSampler start(Duration interval) {
        if (interval.isZero()) {
            return new HeapSampler(null);
        }
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "heap-sampler");
            thread.setDaemon(true);
            return thread;
        });
        HeapSampler sampler = new HeapSampler(timer);
        timer.scheduleWithFixedDelay(sampler::sample, 0, interval.toNanos(), TimeUnit.NANOSECONDS);
        return sampler;
    }

    /** One full collection, then the heap used after it. */
    void sample() {
        long start = System.nanoTime();
        System.gc();
        double pause = (System.nanoTime() - start) / 1e9;
        lastBytes = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        lastPauseSeconds = pause;
        pauseSeconds.add(pause);
        samples++;
    }

    /** The heap used right after the last sampled collection; before the first (or when off), the fallback. */
    public double liveHeapBytes() {
        double last = lastBytes;
        return Double.isNaN(last) ? ProcessStats.liveHeapBytes() : last;
    }

    /** How long the last sampled collection took, in seconds; NaN before the first. */
    public double lastPauseSeconds() {
        return lastPauseSeconds;
    }

    /** Seconds spent in sampled collections since start. */
    public double totalPauseSeconds() {
        return pauseSeconds.sum();
    }

    /** Samples taken so far. */
    public long samples() {
        return samples;
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
