package dev.greenlight.sample.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.greenlight.sample.testkit.EmbeddedPostgresExtension;
import dev.greenlight.sample.testkit.RunningApp;
import dev.greenlight.sample.testkit.TestDatabase;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EmbeddedPostgresExtension.class)
@DisplayName("The live heap is sampled right after a full collection, so it follows what is retained, not garbage")
class HeapSamplerTests {

    private static final int MB = 1024 * 1024;

    @Test
    @DisplayName("memory held rises the sample by its size, and falls back once released")
    void shouldFollowRetainedMemoryBothWays() {
        try (HeapSampler sampler = HeapSampler.start(Duration.ofMillis(50))) {
            long before = settledSample(sampler);
            byte[][] held = new byte[16][];
            for (int i = 0; i < held.length; i++) {
                held[i] = new byte[MB];
            }
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(sampler.liveHeapBytes() - before)
                    .as("sampled heap growth while 16 MB are held").isGreaterThanOrEqualTo(15L * MB));
            assertThat(held[15]).as("still held").hasSize(MB);
            held = null;
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(sampler.liveHeapBytes() - before)
                    .as("sampled heap growth once the 16 MB are released").isLessThan(4L * MB));
            assertThat(sampler.lastPauseSeconds()).as("the last sampled collection was timed").isPositive();
        }
    }

    @Test
    @DisplayName("the app's metric grows by what the leak fault retains, and shows the sampler's pauses")
    void shouldReportTheLeakInTheHeapMetric(TestDatabase db) {
        try (RunningApp app = RunningApp.start(db, Map.of("HEAP_SAMPLE_INTERVAL", "100ms"), null)) {
            double before = firstSampledHeap(app);
            app.faults("leak=64KB");
            for (int i = 0; i < 160; i++) {
                app.get("/users");
            }
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(metric(app, "nodejs_heap_size_used_bytes") - before)
                    .as("heap growth after 160 requests leaking 64 KB each (10 MB)").isGreaterThanOrEqualTo(8.0 * MB));
            assertThat(metric(app, "heap_sampler_pause_seconds_total")).as("time spent in sampled collections").isPositive();
        }
    }

    private static long settledSample(HeapSampler sampler) {
        long seen = sampler.samples();
        await().atMost(Duration.ofSeconds(10)).until(() -> sampler.samples() >= seen + 2);
        return (long) sampler.liveHeapBytes();
    }

    private static double firstSampledHeap(RunningApp app) {
        await().atMost(Duration.ofSeconds(10)).until(() -> metric(app, "heap_sampler_pause_seconds_total") > 0);
        return metric(app, "nodejs_heap_size_used_bytes");
    }

    private static double metric(RunningApp app, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + " (\\S+)$").matcher(app.get("/metrics").body());
        assertThat(m.find()).as("metric %s in /metrics", name).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
