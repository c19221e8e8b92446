package dev.greenlight.soak;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Lines several soak runs up to start their load together (the candidate and the baseline beside it): each arrives
 * when its setup is done; all start a moment after the last arrived, runner {@code i} of {@code n} offset by
 * {@code i/n} of an arrival period, so one open-model schedule is interleaved request by request across them and
 * their intervals cover the same time. A runner that fails before it arrives leaves, so no one waits for it; the
 * wait is bounded either way.
 */
public final class StartLine {

    private static final long LEAD_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final int runners;
    private final Duration timeout;
    private final CountDownLatch arrived;
    private long start;

    /**
     * @param runners how many runs start together
     * @param timeout the longest a run waits for the others
     */
    public StartLine(int runners, Duration timeout) {
        this.runners = runners;
        this.timeout = timeout;
        this.arrived = new CountDownLatch(runners);
    }

    /** Runner {@code index}'s place on the line. */
    public Ticket ticket(int index) {
        if (index < 0 || index >= runners) {
            throw new IllegalArgumentException("runner " + index + " of " + runners);
        }
        return new Ticket(this, index);
    }

    private synchronized long start() {
        if (start == 0) {
            start = System.nanoTime() + LEAD_NANOS;
        }
        return start;
    }

    /** One runner's place: arrive once (or leave), then start at the time it is given. */
    public static final class Ticket {
        private final StartLine line;
        private final int index;
        private boolean done;

        private Ticket(StartLine line, int index) {
            this.line = line;
            this.index = index;
        }

        /**
         * Arrives and waits (bounded) for the others; returns the {@code System.nanoTime()} at which this runner's schedule
         * starts, given its arrival rate.
         */
        public long arrive(double ratePerSecond) throws InterruptedException {
            leave();
            line.arrived.await(line.timeout.toNanos(), TimeUnit.NANOSECONDS);
            return line.start() + Math.round(1e9 / ratePerSecond * index / line.runners);
        }

        /** Leaves without starting (setup failed), so the others do not wait for this runner. */
        public synchronized void leave() {
            if (!done) {
                done = true;
                line.arrived.countDown();
            }
        }
    }
}
