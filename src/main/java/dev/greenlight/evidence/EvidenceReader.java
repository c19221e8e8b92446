package dev.greenlight.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the evidence of one or many runs back: every {@code run.json} and {@code measurements.jsonl} found
 * under the given directories (a run directory, or a directory of runs). A half-written last line, as a
 * killed run leaves it, is skipped and counted, never fatal.
 */
public final class EvidenceReader {

    private EvidenceReader() {
    }

    /** Everything found under {@code roots}. */
    public static Evidence read(List<Path> roots) {
        List<RunManifest> runs = new ArrayList<>();
        List<Measurement> measurements = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                throw new IllegalArgumentException("evidence directory " + root + " does not exist");
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.sorted().toList()) {
                    String fileName = file.getFileName().toString();
                    if (fileName.equals(EvidenceLog.MANIFEST)) {
                        runs.add(EvidenceJson.mapper().readValue(file.toFile(), RunManifest.class));
                    } else if (isMeasurements(file)) {
                        readLines(file, measurements, unreadable);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read evidence under " + root + ": " + e.getMessage(), e);
            }
        }
        return new Evidence(List.copyOf(runs), List.copyOf(measurements), List.copyOf(unreadable));
    }

    /** Whether {@link #read} reads {@code file} as measurements ({@code *.jsonl}); {@code run.json} it reads as a manifest. */
    public static boolean isMeasurements(Path file) {
        return file.getFileName().toString().endsWith(".jsonl");
    }

    private static void readLines(Path file, List<Measurement> into, List<String> unreadable) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                into.add(EvidenceJson.mapper().readValue(line, Measurement.class));
            } catch (JsonProcessingException e) {
                unreadable.add(file + ":" + (i + 1) + ": " + e.getOriginalMessage());
            }
        }
    }

    /**
     * The evidence read.
     *
     * @param runs         manifests of the runs found; one without {@code finishedAt} was cut short
     * @param measurements every readable measurement line
     * @param unreadable   lines that could not be read, as {@code file:line: reason}
     */
    public record Evidence(List<RunManifest> runs, List<Measurement> measurements, List<String> unreadable) {

        public boolean complete() {
            return !runs.isEmpty() && runs.stream().allMatch(RunManifest::complete);
        }
    }
}
