package dev.greenlight.soak.load;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The driver's own Vert.x instance: one event loop per {@link Lane}, each lane with its own HTTP/1.1 client whose
 * keep-alive pool holds the lane's share of the concurrency bound, so a connection and the requests on it stay on
 * one thread. Closing it closes every connection.
 */
final class VertxLanes implements AutoCloseable {

    private final Vertx vertx;
    private final List<Lane> lanes = new ArrayList<>();

    VertxLanes(RequestMix mix, LoadSettings settings, BooleanSupplier stopping) {
        int count = settings.eventLoops();
        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(count).setWorkerPoolSize(1).setInternalBlockingPoolSize(1)
                .setFileSystemOptions(new FileSystemOptions().setFileCachingEnabled(false).setClassPathResolvingEnabled(false)));
        long timeoutNanos = settings.timeout().toNanos();
        long sweepMillis = Math.max(1, Math.min(10, settings.timeout().toMillis() / 100));
        for (int i = 0; i < count; i++) {
            int slots = share(settings.maxConcurrency(), count, i);
            Context context = vertx.getOrCreateContext();
            HttpClientAgent client = vertx.httpClientBuilder()
                    .with(new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_1_1).setKeepAlive(true).setPipelining(false)
                            .setTcpNoDelay(true).setConnectTimeout((int) Math.min(Integer.MAX_VALUE, settings.connectTimeout().toMillis()))
                            .setName("greenlight-load-" + i))
                    .with(new PoolOptions().setHttp1MaxSize(slots))
                    .build();
            Lane lane = new Lane(context, client, mix, new LoadAccumulator(mix.names().size(), settings.lateAfter().toNanos()), slots,
                    share(settings.backlogLimit(), count, i), timeoutNanos, stopping);
            lane.startSweep(sweepMillis);
            lanes.add(lane);
        }
    }

    /** {@code total} split into {@code parts} as evenly as whole numbers allow; at least 1. */
    static int share(int total, int parts, int index) {
        return Math.max(1, total / parts + (index < total % parts ? 1 : 0));
    }

    List<Lane> all() {
        return lanes;
    }

    @Override
    public void close() {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // closing is best effort: the event loops are daemon threads and the run's results are already read
        }
    }
}
