package dev.greenlight.soak;

import dev.greenlight.config.MetricsConfig;
import dev.greenlight.evidence.MeasurementBuilder;
import dev.greenlight.soak.load.StubServer;
import dev.greenlight.soak.profile.MixEntry;
import dev.greenlight.soak.profile.RequestMixSpec;
import dev.greenlight.soak.profile.SoakProfile;
import dev.greenlight.soak.profile.SoakProfiles;
import dev.greenlight.soak.stats.Trend;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issue 7, "Performance": over at least one million requests the harness heap after GC does not grow. Runs a whole
 * {@link SoakRun} (driver, monitoring, intervals, files, checkpoints, evidence to a counting sink) against a trivial
 * 127.0.0.1 server, and every {@code sampleEvery} runs a full GC and records the heap used after it; prints the
 * series and its Theil–Sen slope with a 95 % interval. Run it on a quiet machine:
 *
 * <pre>
 * mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.greenlight.soak.HeapBenchmark \
 *     [-Drate=5000] [-Dseconds=220] [-DsampleEvery=10]
 * </pre>
 */
public final class HeapBenchmark {

    /**
     * The line for "does not grow": the gate's memory GO line. A run's per-interval chart series fill up to their
     * 1,024-point cap in the first 1,024 intervals (a few hundred KB at most), then stay that size.
     */
    private static final double FLAT_MB_PER_HOUR = 5;

    private HeapBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        double rate = Double.parseDouble(System.getProperty("rate", "5000"));
        int seconds = Integer.getInteger("seconds", 220);
        int sampleEvery = Integer.getInteger("sampleEvery", 10);
        Path dir = Files.createTempDirectory("greenlight-heap-benchmark-");
        AtomicLong measurements = new AtomicLong();
        List<double[]> heap = new ArrayList<>();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        long start = System.nanoTime();
        try (StubServer server = StubServer.start()) {
            String base = server.baseUrl();
            SoakProfile profile = new SoakProfile("heap benchmark", "m", Duration.ofSeconds(seconds), Duration.ofSeconds(2), rate, 64, null,
                    Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ZERO, Duration.ofSeconds(30),
                    new SoakProfile.Checkpoints(Duration.ofSeconds(60), null, null), null, new SoakProfile.Abort(null, null, false, null));
            RequestMixSpec mix = new RequestMixSpec(List.of(), List.of(new MixEntry("GET /feed", null, "/feed", null, 1, null)), List.of(), null);
            SoakRun.Plan plan = new SoakRun.Plan(new SoakProfiles.Selected("heap", profile, mix), base, base + "/metrics",
                    new MetricsConfig(null, null).names(), true, Duration.ofSeconds(5), Duration.ofSeconds(1), "gl-heap", null, dir,
                    (MeasurementBuilder m, boolean attach) -> measurements.incrementAndGet(), new PrintStream(System.out, true), null);
            sampler.scheduleAtFixedRate(() -> {
                System.gc();
                double mb = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1e6;
                synchronized (heap) {
                    heap.add(new double[] {(System.nanoTime() - start) / 1e9, mb});
                }
            }, sampleEvery, sampleEvery, TimeUnit.SECONDS);
            SoakResult result = new SoakRun(plan).run();
            sampler.shutdownNow();
            print(result, heap, measurements.get());
        } finally {
            sampler.shutdownNow();
        }
    }

    private static void print(SoakResult result, List<double[]> heap, long measurements) {
        double[] x = heap.stream().mapToDouble(p -> p[0]).toArray();
        double[] y = heap.stream().mapToDouble(p -> p[1]).toArray();
        StringBuilder series = new StringBuilder();
        heap.forEach(p -> series.append(String.format(Locale.ROOT, " %.0fs:%.1f", p[0], p[1])));
        System.out.printf(Locale.ROOT, "%d requests finished (%d errors), %d measurements recorded%n",
                result.totals().finished(), result.totals().errors(), measurements);
        System.out.println("heap used after a full GC, MB:" + series);
        int skip = Math.min(2, x.length);
        Trend trend = Trend.of(java.util.Arrays.copyOfRange(x, skip, x.length), java.util.Arrays.copyOfRange(y, skip, y.length), 0.95)
                .scaled(3600);
        boolean flat = trend.high() < FLAT_MB_PER_HOUR;
        System.out.printf(Locale.ROOT, "after the first %d samples: Theil-Sen slope %.2f MB/h, 95%% interval [%.2f, %.2f], Mann-Kendall p %.3f, "
                        + "%+.2f MB first to last  %s%n", skip, trend.slope(), trend.low(), trend.high(), trend.pValue(),
                y.length > skip ? y[y.length - 1] - y[skip] : Double.NaN,
                result.totals().finished() < 1_000_000 ? "(fewer than 1M requests: raise rate or seconds)"
                        : flat ? "(flat: below " + FLAT_MB_PER_HOUR + " MB/h over >= 1M requests)" : "(GROWING)");
    }
}
