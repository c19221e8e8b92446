package dev.greenlight.soak.load;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * One benchmark run of the {@link LoadDriver} against a URL, configured as a soak run configures it (5 s timeout,
 * late after 10 ms, the default event loops; {@code -DeventLoops=N} to choose): how many requests were issued on
 * time, what finished, and how long it all took.
 *
 * @param rate            the scheduled rate, requests per second
 * @param scheduled       requests the schedule issued
 * @param sentOnSchedule  requests sent by the time the schedule was fully issued
 * @param scheduleSeconds wall time from start until the schedule was fully issued
 * @param totalSeconds    wall time until everything finished
 * @param load            what finished, with the corrected and uncorrected latencies
 * @param startNanos      {@code System.nanoTime()} when the schedule started
 */
record DriverRun(double rate, long scheduled, long sentOnSchedule, double scheduleSeconds, double totalSeconds,
                 LoadInterval load, long startNanos) {

    /** Runs {@code rate} requests per second for {@code duration} against {@code url}; bounded by the duration plus 30 s. */
    static DriverRun run(String url, double rate, Duration duration, int maxConcurrency, Runnable beforeStart) throws InterruptedException {
        Duration timeout = Duration.ofSeconds(5);
        ArrivalSchedule schedule = new ArrivalSchedule(rate, Duration.ZERO, duration);
        LoadSettings settings = new LoadSettings(maxConcurrency, timeout, Duration.ofSeconds(3), Duration.ofMillis(10),
                (int) Math.min(1_000_000, Math.max(1000, rate * 10)), Integer.getInteger("eventLoops", 0));
        try (LoadDriver driver = new LoadDriver(new FixedMix(url), settings)) {
            beforeStart.run();
            driver.start(schedule);
            long start = driver.startNanos();
            long deadline = start + duration.plusSeconds(30).toNanos();
            driver.awaitScheduler(duration.plusSeconds(30));
            long scheduleEnd = System.nanoTime();
            long sentOnSchedule = driver.sent();
            while (driver.outstanding() > 0 && System.nanoTime() < deadline) {
                LockSupport.parkNanos(1_000_000);
            }
            long end = System.nanoTime();
            return new DriverRun(rate, driver.scheduled(), sentOnSchedule, (scheduleEnd - start) / 1e9, (end - start) / 1e9,
                    driver.snapshot(), start);
        }
    }

    /** Requests sent per second while the schedule ran: the rate the driver actually held. */
    double heldRate() {
        return sentOnSchedule / scheduleSeconds;
    }

    /**
     * Successful answers per second while the schedule ran (those still arriving after it count too, at most one
     * {@code maxConcurrency} of them): the wait for the last stragglers to time out is not throughput.
     */
    double okPerSecond() {
        return load.count(Outcome.OK) / scheduleSeconds;
    }
}
