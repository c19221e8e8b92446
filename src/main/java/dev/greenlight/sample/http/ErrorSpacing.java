package dev.greenlight.sample.http;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Decides which API requests the {@code errors=} fault fails: exactly that fraction, evenly spread (request n fails
 * when floor(n·p) steps up), so a run of N requests sees round(N·p) errors and self-tests judge a known rate
 * rather than a random draw around it.
 */
final class ErrorSpacing {

    private final AtomicLong requests = new AtomicLong();

    boolean failsNext(double fraction) {
        long n = requests.incrementAndGet();
        return Math.floor(n * fraction) > Math.floor((n - 1) * fraction);
    }
}
