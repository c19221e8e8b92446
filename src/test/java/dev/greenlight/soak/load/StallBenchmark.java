package dev.greenlight.soak.load;

import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.Locale;

/**
 * Issue 7, "Performance": against a server that stalls 1 s every 10 s under a fixed rate, the driver's p99 (from
 * the intended start) is within 5 % of the true p99 computed from the schedule; what an uncorrected measurement
 * (from the actual send) reports is printed beside it. The true latency of the request due at {@code t} is the
 * server's ordinary latency (the corrected median), plus, when {@code t} falls in a stall, the rest of that stall.
 * Run it on a quiet machine:
 *
 * <pre>
 * mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.greenlight.soak.load.StallBenchmark \
 *     [-Drate=200] [-Dseconds=60] [-DmaxConcurrency=64]
 * </pre>
 */
public final class StallBenchmark {

    private static final long STALL_MILLIS = 1000;
    private static final long PERIOD_MILLIS = 10_000;

    private StallBenchmark() {
    }

    public static void main(String[] args) throws InterruptedException {
        double rate = Double.parseDouble(System.getProperty("rate", "200"));
        int seconds = Integer.getInteger("seconds", 60);
        int concurrency = Integer.getInteger("maxConcurrency", 64);
        try (StubServer server = StubServer.start()) {
            String url = server.baseUrl() + "/";
            DriverRun.run(url, 1000, Duration.ofSeconds(3), concurrency, () -> { });
            long[] epoch = new long[1];
            DriverRun run = DriverRun.run(url, rate, Duration.ofSeconds(seconds), concurrency, () -> {
                epoch[0] = System.nanoTime();
                server.stall(STALL_MILLIS, PERIOD_MILLIS, epoch[0]);
            });
            Histogram truth = truth(run, new ArrivalSchedule(rate, Duration.ZERO, Duration.ofSeconds(seconds)), epoch[0],
                    run.load().corrected().getValueAtPercentile(50));
            print(rate, seconds, concurrency, run, truth);
        }
    }

    /** The latency each scheduled request would have had, had it been sent when due (µs). */
    static Histogram truth(DriverRun run, ArrivalSchedule schedule, long epochNanos, long baseMicros) {
        Histogram truth = new Histogram(1, 3_600_000_000L, 3);
        long stall = STALL_MILLIS * 1_000_000L;
        long period = PERIOD_MILLIS * 1_000_000L;
        for (long i = 0; i < schedule.total(); i++) {
            long due = run.startNanos() + schedule.offsetNanos(i);
            long phase = Math.floorMod(due - epochNanos, period);
            long waited = phase < stall ? (stall - phase) / 1000 : 0;
            truth.recordValue(Math.max(1, waited + baseMicros));
        }
        return truth;
    }

    private static void print(double rate, int seconds, int concurrency, DriverRun run, Histogram truth) {
        Histogram corrected = run.load().corrected();
        Histogram uncorrected = run.load().uncorrected();
        System.out.printf(Locale.ROOT, "%.0f req/s for %d s, at most %d in flight; server stalls %d ms every %d ms; %d finished, %d errors%n",
                rate, seconds, concurrency, STALL_MILLIS, PERIOD_MILLIS, run.load().finished(), run.load().errors());
        System.out.println("percentile   true ms  corrected ms  (diff)   uncorrected ms");
        for (double p : new double[] {50, 90, 95, 99, 99.9}) {
            double t = truth.getValueAtPercentile(p) / 1000.0;
            double c = corrected.getValueAtPercentile(p) / 1000.0;
            double u = uncorrected.getValueAtPercentile(p) / 1000.0;
            System.out.printf(Locale.ROOT, "p%-9s  %8.1f  %12.1f  (%+5.1f%%)  %14.1f%n", p, t, c, (c - t) / t * 100, u);
        }
        double t99 = truth.getValueAtPercentile(99);
        double c99 = corrected.getValueAtPercentile(99);
        System.out.printf(Locale.ROOT, "p99 corrected vs true: %+.1f%%  %s%n", (c99 - t99) / t99 * 100,
                Math.abs(c99 - t99) / t99 <= 0.05 ? "(within 5%)" : "(NOT within 5%)");
    }
}
