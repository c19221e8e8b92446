package dev.greenlight.sample.http;

import java.time.Duration;

/** Simulated work and injected delays: the sample app's one legitimate use of sleeping. */
public final class Pause {

    private Pause() {
    }

    /** Sleeps for the duration; an interrupt ends the pause early and is kept. */
    public static void sleep(Duration duration) {
        if (duration == null || duration.isZero() || duration.isNegative()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis(), (int) (duration.toNanos() % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
