package dev.greenlight.probes;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * An open-model burst: {@code requests} GETs whose starts are spread evenly over {@code within}, each started on time
 * whatever the others are doing, each timed from its planned start (so a queue in front of the application counts), each
 * with a timeout. Used above a connection pool's size, it shows whether waiting requests queue (latency grows) or fail.
 */
public final class Burst {

    /**
     * One request of the burst.
     *
     * @param index   its place in the arrival order
     * @param millis  from its planned start to its answer (or its failure)
     * @param status  the HTTP status, or -1 when it got no answer
     * @param failure why it got no answer, or null
     */
    public record Shot(int index, long millis, int status, String failure) {
        public boolean failed() {
            return status < 0 || status >= 500;
        }
    }

    /** Every request of one burst, in arrival order. */
    public record Result(List<Shot> shots) {

        /** Requests slower than {@code budget} or failed. */
        public List<Shot> beyond(Duration budget) {
            return shots.stream().filter(shot -> shot.failed() || shot.millis() > budget.toMillis()).toList();
        }

        public long failures() {
            return shots.stream().filter(Shot::failed).count();
        }

        /** The {@code p}-th percentile (nearest rank) of the latencies, in ms. */
        public long percentile(double p) {
            List<Long> sorted = shots.stream().map(Shot::millis).sorted().toList();
            return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p / 100 * sorted.size()) - 1));
        }

        /** The median of the first {@code n} requests and of the rest, in ms: how much the first paid (new connections). */
        public long[] firstAndRest(int n) {
            int split = Math.min(n, shots.size());
            return new long[] {median(shots.subList(0, split)), median(shots.subList(split, shots.size()))};
        }

        /**
         * Where latency starts to climb: the first request (in arrival order) from which the latency stays above twice the
         * first tenth's median; -1 when it never does. Beyond a pool's size that is where requests began to wait.
         */
        public int knee() {
            if (shots.size() < 10) {
                return -1;
            }
            long floor = Math.max(1, median(shots.subList(0, shots.size() / 10)));
            for (int i = 0; i < shots.size(); i++) {
                final int from = i;
                if (shots.subList(from, shots.size()).stream().allMatch(shot -> shot.millis() > 2 * floor)) {
                    return i;
                }
            }
            return -1;
        }

        /** The latencies in arrival order, for the report. */
        public String table() {
            return shots.stream().map(shot -> shot.index() + "\t" + shot.millis() + " ms\t" + (shot.status() < 0 ? shot.failure() : shot.status()))
                    .collect(Collectors.joining("\n", "request\tlatency\tanswer\n", "\n"));
        }

        private static long median(List<Shot> part) {
            List<Long> sorted = part.stream().map(Shot::millis).sorted().toList();
            return sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
        }
    }

    private Burst() {
    }

    /** Fires the burst at {@code path} and waits for every answer (each bounded by {@code timeout}). */
    public static Result fire(ProbeHttp http, String path, int requests, Duration within, Duration timeout) {
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "greenlight-burst");
            thread.setDaemon(true);
            return thread;
        });
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        long gap = requests <= 1 ? 0 : within.toNanos() / (requests - 1);
        List<CompletableFuture<Shot>> shots = new ArrayList<>();
        try {
            for (int i = 0; i < requests; i++) {
                int index = i;
                long planned = start + i * gap;
                CompletableFuture<Shot> shot = new CompletableFuture<>();
                clock.schedule(() -> http.getAsync(path, timeout).whenComplete((response, failure) ->
                        shot.complete(shot(index, planned, response, failure))), planned - System.nanoTime(), TimeUnit.NANOSECONDS);
                shots.add(shot);
            }
            CompletableFuture.allOf(shots.toArray(CompletableFuture[]::new))
                    .get(within.plus(timeout).plusSeconds(10).toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during the burst", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the burst did not end within its bound: " + e, e);
        } finally {
            clock.shutdownNow();
        }
        return new Result(shots.stream().map(CompletableFuture::join).toList());
    }

    private static Shot shot(int index, long planned, HttpResponse<String> response, Throwable failure) {
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - planned);
        if (failure != null) {
            Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
            return new Shot(index, millis, -1, cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
        }
        return new Shot(index, millis, response.statusCode(), null);
    }
}
