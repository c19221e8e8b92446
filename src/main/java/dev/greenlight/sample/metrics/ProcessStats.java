package dev.greenlight.sample.metrics;

import java.io.IOException;
import com.sun.management.GcInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Process-level readings, named after what a Node app's prom-client reports. */
public final class ProcessStats {

    private static final Path STATUS = Path.of("/proc/self/status");

    private ProcessStats() {
    }

    /** VmRSS from {@code /proc/self/status}, in bytes; NaN where there is no procfs. */
    public static double residentMemoryBytes() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmRSS:")) {
                    String[] parts = line.substring(6).trim().split("\\s+");
                    return Long.parseLong(parts[0]) * 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }

    /** CPU time (user + system) the process has used, in seconds. */
    public static double cpuSeconds() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1e9;
        }
        return Double.NaN;
    }

    /** When the process started, in Unix seconds. */
    public static double startTimeSeconds() {
        return ManagementFactory.getRuntimeMXBean().getStartTime() / 1000.0;
    }

    /**
     * The live heap: per heap pool, its usage at the end of the most recent garbage collection that
     * reported it (from {@code GcInfo}), else (before any collection) its current usage. Flat for
     * a cache that has filled up, rising for a leak. {@code getCollectionUsage()} alone is not enough:
     * on G1 the old generation's value only moves on mixed or full collections, which hides a leak.
     */
    public static double liveHeapBytes() {
        Map<String, Long> afterGc = new HashMap<>();
        Map<String, Long> gcEnd = new HashMap<>();
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (!(collector instanceof com.sun.management.GarbageCollectorMXBean detailed)) {
                continue;
            }
            GcInfo info = detailed.getLastGcInfo();
            if (info == null) {
                continue;
            }
            for (Map.Entry<String, MemoryUsage> pool : info.getMemoryUsageAfterGc().entrySet()) {
                Long seen = gcEnd.get(pool.getKey());
                if (seen == null || seen < info.getEndTime()) {
                    gcEnd.put(pool.getKey(), info.getEndTime());
                    afterGc.put(pool.getKey(), pool.getValue().getUsed());
                }
            }
        }
        long total = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() != MemoryType.HEAP || !pool.isValid()) {
                continue;
            }
            Long used = afterGc.get(pool.getName());
            total += used != null ? used : pool.getUsage().getUsed();
        }
        return total;
    }

    /** The committed heap, in bytes. */
    public static double heapTotalBytes() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted();
    }
}
