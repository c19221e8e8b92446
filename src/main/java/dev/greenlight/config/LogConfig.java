package dev.greenlight.config;

import java.time.Duration;
import java.util.List;

/**
 * Where the application's log comes from: a file, or a command whose output is read
 * (e.g. {@code [kubectl, logs, deploy/app, --since=1h]}). One of the two.
 *
 * @param file     a log file readable from where Greenlight runs
 * @param command  a command and its arguments, run without a shell
 * @param timeout  how long the command may run
 * @param maxLines only the last lines are kept
 */
public record LogConfig(String file, List<String> command, Duration timeout, Integer maxLines) {

    public LogConfig {
        command = command == null ? List.of() : List.copyOf(command);
        timeout = timeout == null ? Duration.ofSeconds(30) : timeout;
        maxLines = maxLines == null ? 5000 : maxLines;
    }

    public boolean configured() {
        return (file != null && !file.isBlank()) || !command.isEmpty();
    }

    public LogConfig withFile(String path) {
        return new LogConfig(path, List.of(), timeout, maxLines);
    }
}
