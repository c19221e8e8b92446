package dev.greenlight.target;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;

/** A log file on a disk Greenlight can read; only its last {@code maxLines} lines are ever held. */
public final class FileLogSource implements LogSource {

    private final Path file;
    private final int maxLines;

    public FileLogSource(Path file, int maxLines) {
        this.file = file;
        this.maxLines = maxLines;
    }

    @Override
    public List<String> tail(int lines) {
        if (!Files.exists(file)) {
            return List.of();
        }
        int keep = Math.min(lines, maxLines);
        Deque<String> last = new ArrayDeque<>();
        try (Stream<String> all = Files.lines(file, StandardCharsets.UTF_8)) {
            all.forEach(line -> {
                last.addLast(line);
                if (last.size() > keep) {
                    last.removeFirst();
                }
            });
        } catch (IOException | UncheckedIOException e) {
            throw new LogUnavailableException("cannot read log file " + file + ": " + e.getMessage(), e);
        }
        return List.copyOf(last);
    }

    @Override
    public String describe() {
        return "file " + file;
    }
}
