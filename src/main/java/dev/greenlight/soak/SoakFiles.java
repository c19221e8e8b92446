package dev.greenlight.soak;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.HdrHistogram.HistogramLogWriter;

import java.io.BufferedWriter;
import java.io.FileNotFoundException;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A soak run's own files, appended and flushed as each interval closes so a killed run leaves them readable:
 * {@code latency.hlog} and {@code latency-uncorrected.hlog} (HdrHistogram interval logs, µs, readable with
 * HdrHistogram's HistogramLogProcessor), {@code intervals.ndjson} (one summary per interval),
 * {@code incidents.ndjson}, and {@code checkpoints/}.
 */
public final class SoakFiles implements AutoCloseable {

    /** Corrected latency interval log. */
    public static final String LATENCY_LOG = "latency.hlog";
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final Path dir;
    private final PrintStream correctedStream;
    private final PrintStream uncorrectedStream;
    private final HistogramLogWriter corrected;
    private final HistogramLogWriter uncorrected;
    private final BufferedWriter intervals;
    private final BufferedWriter incidents;
    private final long startMillis;

    public SoakFiles(Path dir, long startMillis) {
        this.dir = dir;
        this.startMillis = startMillis;
        try {
            Files.createDirectories(dir.resolve("checkpoints"));
            correctedStream = new PrintStream(new FileOutputStream(dir.resolve(LATENCY_LOG).toFile()), false, StandardCharsets.UTF_8);
            uncorrectedStream = new PrintStream(new FileOutputStream(dir.resolve("latency-uncorrected.hlog").toFile()), false, StandardCharsets.UTF_8);
            corrected = header(new HistogramLogWriter(correctedStream), "latency from the intended start, µs");
            uncorrected = header(new HistogramLogWriter(uncorrectedStream), "latency from the actual start (not corrected for coordinated omission), µs");
            intervals = Files.newBufferedWriter(dir.resolve("intervals.ndjson"), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            incidents = Files.newBufferedWriter(dir.resolve("incidents.ndjson"), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (FileNotFoundException e) {
            throw new UncheckedIOException("cannot write soak files under " + dir, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write soak files under " + dir, e);
        }
    }

    private HistogramLogWriter header(HistogramLogWriter writer, String what) {
        writer.outputComment(what);
        writer.outputLogFormatVersion();
        writer.setBaseTime(startMillis);
        writer.outputBaseTime(startMillis);
        writer.outputStartTime(startMillis);
        writer.outputLegend();
        return writer;
    }

    public Path dir() {
        return dir;
    }

    /** Appends one interval to every file and flushes them. */
    public synchronized void interval(IntervalRecord r) {
        write(corrected, correctedStream, r.load().corrected(), r);
        write(uncorrected, uncorrectedStream, r.load().uncorrected(), r);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("index", r.index());
        line.put("from", r.from());
        line.put("to", r.to());
        line.put("elapsedSeconds", r.elapsed());
        line.put("finished", r.load().finished());
        line.put("errors", r.load().errors());
        for (var outcome : dev.greenlight.soak.load.Outcome.values()) {
            line.put("outcome." + outcome.name().toLowerCase(java.util.Locale.ROOT), r.load().count(outcome));
        }
        line.put("lateStarts", r.load().late());
        line.put("maxStartLagMs", r.load().maxLagMicros() / 1000.0);
        line.put("throughput", r.throughput());
        line.put("meanMs", nan(r.meanMillis()));
        line.put("p50Ms", nan(r.percentileMillis(50)));
        line.put("p95Ms", nan(r.p95Millis()));
        line.put("p99Ms", nan(r.percentileMillis(99)));
        line.put("monitor", r.monitor());
        append(intervals, line);
    }

    /** Appends an incident as it opened or closed. */
    public synchronized void incident(Incidents.Incident incident) {
        append(incidents, incident);
    }

    /** Writes a checkpoint's status summary. */
    public synchronized Path checkpoint(int number, String label, String markdown) {
        Path file = dir.resolve("checkpoints").resolve(String.format("%02d-%s.md", number, label.replaceAll("[^A-Za-z0-9-]+", "-")));
        try {
            Files.writeString(file, markdown, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + file, e);
        }
    }

    private void write(HistogramLogWriter writer, PrintStream stream, Histogram histogram, IntervalRecord r) {
        Histogram copy = histogram.copy();
        copy.setStartTimeStamp(r.from().toEpochMilli());
        copy.setEndTimeStamp(r.to().toEpochMilli());
        writer.outputIntervalHistogram(copy);
        stream.flush();
    }

    private static Object nan(double value) {
        return Double.isNaN(value) ? null : value;
    }

    private static void append(BufferedWriter out, Object line) {
        try {
            out.write(JSON.writeValueAsString(line));
            out.newLine();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to soak file", e);
        }
    }

    /** Reads back the interval histograms of an interval log (also one a killed run left). */
    public static List<Histogram> readLog(Path log) {
        List<Histogram> out = new ArrayList<>();
        try {
            HistogramLogReader reader = new HistogramLogReader(log.toFile());
            for (int guard = 0; guard < 10_000_000; guard++) {
                var next = reader.nextIntervalHistogram();
                if (next == null) {
                    break;
                }
                out.add((Histogram) next);
            }
        } catch (FileNotFoundException e) {
            throw new UncheckedIOException("no interval log at " + log, e);
        } catch (RuntimeException e) {
            // a half-written last line of a killed run ends the log there
        }
        return out;
    }

    @Override
    public synchronized void close() {
        correctedStream.close();
        uncorrectedStream.close();
        try {
            intervals.close();
            incidents.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
