package dev.greenlight.evidence;

import com.fasterxml.jackson.databind.ObjectWriter;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;

/**
 * The evidence of one run on disk: {@code <evidence dir>/<runId>/run.json} and {@code measurements.jsonl},
 * one JSON object per line, flushed as each is written so a killed run loses nothing already recorded.
 * Thread-safe; one instance per run.
 */
public final class EvidenceLog implements AutoCloseable {

    /** File name of the measurement lines inside a run directory. */
    public static final String MEASUREMENTS = "measurements.jsonl";
    /** File name of the run manifest inside a run directory. */
    public static final String MANIFEST = "run.json";

    private final Path runDir;
    private final Clock clock;
    private final ObjectWriter lineWriter = EvidenceJson.mapper().writer();
    private RunManifest manifest;
    private BufferedWriter out;

    private EvidenceLog(Path runDir, RunManifest manifest, Clock clock) {
        this.runDir = runDir;
        this.manifest = manifest;
        this.clock = clock;
    }

    /** Opens (creating or appending to) the evidence of {@code manifest.runId()} under {@code evidenceRoot}. */
    public static EvidenceLog open(Path evidenceRoot, RunManifest manifest, Clock clock) {
        EvidenceLog log = new EvidenceLog(evidenceRoot.resolve(manifest.runId()), manifest, clock);
        try {
            Files.createDirectories(log.runDir);
            log.writeManifest();
            log.out = Files.newBufferedWriter(log.runDir.resolve(MEASUREMENTS), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write evidence under " + log.runDir + ": " + e.getMessage(), e);
        }
        return log;
    }

    public Path runDir() {
        return runDir;
    }

    public String runId() {
        return manifest.runId();
    }

    /** Appends one measurement, stamped with this run and {@code source}, and flushes it to disk. */
    public synchronized Measurement record(Measurement measurement, String source) {
        Measurement stamped = measurement.withOrigin(manifest.runId(), manifest.target(), source);
        try {
            out.write(lineWriter.writeValueAsString(stamped));
            out.newLine();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append evidence to " + runDir.resolve(MEASUREMENTS), e);
        }
        return stamped;
    }

    /** Marks the run finished; a run that never gets here is reported incomplete by the gate. */
    @Override
    public synchronized void close() {
        try {
            if (out != null) {
                out.close();
                out = null;
                manifest = manifest.finished(clock.instant());
                writeManifest();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot finish evidence in " + runDir, e);
        }
    }

    private void writeManifest() throws IOException {
        Path tmp = runDir.resolve(MANIFEST + ".tmp");
        EvidenceJson.mapper().writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), manifest);
        Files.move(tmp, runDir.resolve(MANIFEST), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
