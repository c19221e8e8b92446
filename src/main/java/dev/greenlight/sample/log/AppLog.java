package dev.greenlight.sample.log;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The app's log: timestamped one-line records on stdout and appended to {@code LOG_FILE}, with
 * credentials masked. One line per event, so the harness can grep it like a Node app's log.
 */
public final class AppLog implements AutoCloseable {

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final PrintStream console;
    private final OutputStream file;
    private final List<String> secrets = new CopyOnWriteArrayList<>();

    /**
     * @param logFile file to append to (parent folders are created), or {@code null} for none
     * @param console stream to echo to (stdout in production), or {@code null} for none
     */
    public AppLog(Path logFile, PrintStream console) throws IOException {
        this.console = console;
        if (logFile != null) {
            Path parent = logFile.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            this.file = Files.newOutputStream(logFile, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } else {
            this.file = null;
        }
    }

    /** A value that must never appear in the log (e.g. the admin token); it is replaced by {@code ****}. */
    public void addSecret(String secret) {
        if (secret != null && !secret.isEmpty()) {
            secrets.add(secret);
        }
    }

    public void info(String message) {
        write("INFO", message);
    }

    public void warn(String message) {
        write("WARN", message);
    }

    public void error(String message) {
        write("ERROR", message);
    }

    /** A one-line summary of a throwable: its class and message, newlines flattened. */
    public static String describe(Throwable t) {
        String message = t.getMessage();
        return t.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private void write(String level, String message) {
        String text = Secrets.mask(message).replace("\r", "").replace("\n", " ");
        for (String secret : secrets) {
            text = text.replace(secret, "****");
        }
        String line = TIMESTAMP.format(Instant.now()) + " " + String.format("%-5s", level) + " " + text + "\n";
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        synchronized (this) {
            if (console != null) {
                console.print(line);
                console.flush();
            }
            if (file != null) {
                try {
                    file.write(bytes);
                    file.flush();
                } catch (IOException e) {
                    if (console != null) {
                        console.println("Cannot write log file: " + e.getMessage());
                    }
                }
            }
        }
    }

    @Override
    public synchronized void close() {
        if (file != null) {
            try {
                file.close();
            } catch (IOException ignored) {
                // nothing useful left to report it to
            }
        }
    }
}
