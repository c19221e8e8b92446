package dev.greenlight.soak.load;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;

public class ProbeBenchmark {
    public static void main(String[] args) throws Exception {
        int threads = Integer.parseInt(System.getProperty("threads", "2"));
        double rate = Double.parseDouble(System.getProperty("rate", "10000"));
        int conc = Integer.parseInt(System.getProperty("conc", "64"));
        int secs = Integer.parseInt(System.getProperty("secs", "10"));
        try (StubServer server = StubServer.start()) {
            ExecutorService exec = threads <= 0 ? null : Executors.newFixedThreadPool(threads, r -> { Thread t = new Thread(r); t.setDaemon(true); return t; });
            HttpClient.Builder b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(3));
            if (exec != null) b.executor(exec); if (threads < 0) b.executor(Runnable::run);
            HttpClient client = b.build();
            for (int round = 0; round < 2; round++) {
                LoadDriver driver = new LoadDriver(client, new FixedMix(server.baseUrl() + "/", Duration.ofSeconds(5)), conc,
                        Duration.ofSeconds(5), Duration.ofMillis(10), 1_000_000, Runnable::run);
                ArrivalSchedule s = new ArrivalSchedule(rate, Duration.ZERO, Duration.ofSeconds(secs));
                long t0 = System.nanoTime();
                driver.start(s);
                while (!driver.scheduleDone() || driver.outstanding() > 0) { java.util.concurrent.locks.LockSupport.parkNanos(10_000_000); if (System.nanoTime() - t0 > (secs + 20) * 1_000_000_000L) break; }
                long t1 = System.nanoTime();
                LoadInterval iv = driver.snapshot();
                System.out.printf("round %d rate %.0f scheduled %d finished %d ok %d errors %s late %d maxlag %dus p50 %dus p99 %dus elapsed %.2fs achieved %.1f/s%n",
                        round, rate, s.total(), iv.finished(), iv.count(Outcome.OK), iv.errors() + " (timeout " + iv.count(Outcome.TIMEOUT) + " dropped " + iv.count(Outcome.DROPPED) + " conn " + iv.count(Outcome.CONNECTION) + ")", iv.late(), iv.maxLagMicros(),
                        iv.corrected().getValueAtPercentile(50), iv.corrected().getValueAtPercentile(99), (t1 - t0) / 1e9, iv.count(Outcome.OK) / ((t1 - t0) / 1e9));
            }
        }
    }
}
