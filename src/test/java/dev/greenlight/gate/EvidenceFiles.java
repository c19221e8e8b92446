package dev.greenlight.gate;

import dev.greenlight.evidence.EvidenceLog;
import dev.greenlight.evidence.Measurement;
import dev.greenlight.evidence.RunManifest;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** Writes real evidence directories with {@link EvidenceLog}, as a run of the suites leaves them. */
public final class EvidenceFiles {

    private EvidenceFiles() {
    }

    /** A finished run {@code runId} under {@code root} holding {@code measurements}; returns its run directory. */
    public static Path finishedRun(Path root, String runId, Instant finishedAt, List<Measurement> measurements) {
        EvidenceLog log = open(root, runId, finishedAt, measurements);
        log.close();
        return log.runDir();
    }

    /** A run killed halfway: the measurements are flushed, but {@code run.json} never gets {@code finishedAt}. */
    static Path cutShortRun(Path root, String runId, List<Measurement> measurements) {
        return open(root, runId, GateFixtures.T0, measurements).runDir();
    }

    private static EvidenceLog open(Path root, String runId, Instant clockAt, List<Measurement> measurements) {
        EvidenceLog log = EvidenceLog.open(root, new RunManifest(runId, "local", GateFixtures.T0, null, Map.of("expectedVersion", "7.0.1")),
                Clock.fixed(clockAt, ZoneOffset.UTC));
        measurements.forEach(m -> log.record(m, m.source()));
        return log;
    }
}
