package dev.greenlight.sample.fault;

import dev.greenlight.sample.log.AppLog;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What the {@code leak} and {@code cache} faults hold on to. A leak keeps every chunk until the
 * process ends; a cache keeps 16 KB per request until its cap and then stays flat. Neither is freed
 * when the fault is switched off — memory that leaked stays leaked. A leak stops at half the maximum
 * heap so the app keeps serving (and the harness keeps measuring) instead of dying of OOM.
 */
final class MemoryBallast {

    static final int CACHE_ENTRY_BYTES = 16 * 1024;

    /** Leaks are held in pieces no larger than this, well under a G1 region's half, so none is humongous. */
    private static final int CHUNK_BYTES = 64 * 1024;

    private final List<byte[]> leaked = new ArrayList<>();
    private final List<byte[]> cached = new ArrayList<>();
    private final List<java.nio.ByteBuffer> nativeHeld = new ArrayList<>();
    private long nativeBytes;
    private final AtomicBoolean leakCapLogged = new AtomicBoolean();
    private final AppLog log;
    private long leakedBytes;
    private long cachedBytes;

    MemoryBallast(AppLog log) {
        this.log = log;
    }

    void onApiRequest(FaultSpec spec) {
        if (spec.leakBytes().isPresent()) {
            leak(spec.leakBytes().getAsLong());
        }
        if (spec.cacheBytes().isPresent()) {
            cache(spec.cacheBytes().getAsLong());
        }
        if (spec.nativeLeakBytes().isPresent()) {
            leakNative(spec.nativeLeakBytes().getAsLong());
        }
    }

    /**
     * {@code native-leak}: memory outside the heap (direct buffers, written so the pages are resident), kept for good — RSS
     * grows while the live heap stays flat, as a leak in a native add-on or allocator would. Stops at 256 MB.
     */
    private void leakNative(long bytes) {
        synchronized (nativeHeld) {
            if (nativeBytes + bytes > 256L * 1024 * 1024) {
                return;
            }
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocateDirect((int) Math.min(bytes, Integer.MAX_VALUE));
            for (int at = 0; at < buffer.capacity(); at += 4096) {
                buffer.put(at, (byte) 1);
            }
            nativeHeld.add(buffer);
            nativeBytes += bytes;
        }
    }

    private void leak(long bytes) {
        long cap = Runtime.getRuntime().maxMemory() / 2;
        synchronized (leaked) {
            long chunk = Math.min(bytes, cap - leakedBytes);
            if (chunk <= 0) {
                if (leakCapLogged.compareAndSet(false, true)) {
                    log.warn("Memory held by the leak fault reached half the maximum heap (" + leakedBytes
                            + " bytes); not growing further");
                }
                return;
            }
            for (long left = chunk; left > 0; left -= CHUNK_BYTES) {
                leaked.add(new byte[(int) Math.min(left, CHUNK_BYTES)]);
            }
            leakedBytes += chunk;
        }
    }

    private void cache(long capBytes) {
        synchronized (cached) {
            if (cachedBytes + CACHE_ENTRY_BYTES <= capBytes) {
                cached.add(new byte[CACHE_ENTRY_BYTES]);
                cachedBytes += CACHE_ENTRY_BYTES;
            }
        }
    }

    long leakedBytes() {
        synchronized (leaked) {
            return leakedBytes;
        }
    }

    long cachedBytes() {
        synchronized (cached) {
            return cachedBytes;
        }
    }
}
