package dev.greenlight.migration;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** PostgreSQL's client programs ({@code pg_dump}, {@code pg_restore}) on this machine: their version, and running them with a time limit. */
final class PgTools {

    private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\)\\s+(\\d+)");

    private PgTools() {
    }

    /** The major version of {@code program} on the PATH, or -1 when it is not installed. */
    static int majorVersion(String program) {
        try {
            Run run = run(List.of(program, "--version"), Map.of(), Duration.ofSeconds(10));
            Matcher matcher = VERSION.matcher(run.output());
            return run.exit() == 0 && matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    /** The outcome of running a program: exit status and combined output. */
    record Run(int exit, String output) {
    }

    /** Runs {@code command} with extra environment, killing it after {@code timeout}. */
    static Run run(List<String> command, Map<String, String> env, Duration timeout) throws IOException {
        Path output = Files.createTempFile("greenlight-pg", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().putAll(env);
            Process process = builder.start();
            try {
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    return new Run(-1, command.get(0) + " did not finish within " + timeout);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                return new Run(-1, command.get(0) + " was interrupted");
            }
            return new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
