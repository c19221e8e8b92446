package dev.greenlight.soak.load;

import java.time.Duration;

/**
 * How the {@link LoadDriver} sends: its concurrency bound (also the size of its keep-alive connection pool), the
 * timeout every request gets, and how many event loops share the work.
 *
 * @param maxConcurrency requests in flight at most; the pool keeps this many connections open at most
 * @param timeout        per-request timeout, from the send to the end of the answer (also how long a request may
 *                       wait in the backlog)
 * @param connectTimeout time allowed to open a connection (within {@code timeout})
 * @param lateAfter      a start this much after its due time counts as late
 * @param backlogLimit   requests that may wait for a free slot; more are dropped at once
 * @param eventLoops     event loops (threads) that send; at most {@code maxConcurrency}
 */
public record LoadSettings(int maxConcurrency, Duration timeout, Duration connectTimeout, Duration lateAfter, int backlogLimit,
                           int eventLoops) {

    /** Event loops when none are named: two on a machine with two or more cores (the scheduler thread is a third). */
    public static final int DEFAULT_EVENT_LOOPS = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));

    public LoadSettings {
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("maxConcurrency must be at least 1, got " + maxConcurrency);
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the request timeout must be positive, got " + timeout);
        }
        connectTimeout = connectTimeout == null || connectTimeout.compareTo(timeout) > 0 ? timeout : connectTimeout;
        lateAfter = lateAfter == null ? Duration.ofMillis(10) : lateAfter;
        backlogLimit = Math.max(1, backlogLimit);
        eventLoops = Math.min(maxConcurrency, eventLoops < 1 ? DEFAULT_EVENT_LOOPS : eventLoops);
    }

    /** The defaults: connect within the timeout, late after 10 ms, the default event loops. */
    public static LoadSettings of(int maxConcurrency, Duration timeout, int backlogLimit) {
        return new LoadSettings(maxConcurrency, timeout, null, null, backlogLimit, 0);
    }
}
