package dev.greenlight.soak;

import dev.greenlight.soak.load.MixSteps;
import dev.greenlight.soak.stats.MemoryTrend;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a soak run leaves behind for the suite: its totals, why it stopped (null when it ran its planned
 * duration), the incidents, the memory trend, and where its files are.
 *
 * @param profile     profile name
 * @param started     wall-clock start of the load
 * @param ended       wall-clock end
 * @param planned     planned duration
 * @param stopReason  the rollback condition that ended it early, or null
 * @param totals      merged histograms, counts and series
 * @param incidents   every incident, closed
 * @param checkpoints checkpoint summaries written
 * @param memory      the memory trend at the end
 * @param memoryMetric which metric the memory series follows
 * @param dir         the run's soak files
 * @param setup       what the setup requests did
 * @param cleanup     what the cleanup requests did
 */
public record SoakResult(
        String profile,
        Instant started,
        Instant ended,
        Duration planned,
        String stopReason,
        RunTotals totals,
        List<Incidents.Incident> incidents,
        List<Path> checkpoints,
        MemoryTrend memory,
        String memoryMetric,
        Path dir,
        List<MixSteps.Step> setup,
        List<MixSteps.Step> cleanup) {

    public boolean stoppedEarly() {
        return stopReason != null;
    }

    public Path latencyLog() {
        return dir.resolve(SoakFiles.LATENCY_LOG);
    }
}
