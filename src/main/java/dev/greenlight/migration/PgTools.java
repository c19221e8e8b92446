package dev.greenlight.migration;

import dev.greenlight.db.ReadOnlyDatabase;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

    /**
     * Dumps {@code schema} of {@code source} into {@code file} in pg_dump's custom format, through a session that
     * is read-only ({@code PGOPTIONS}), with the source's credentials in the environment only.
     *
     * @param options more pg_dump options, e.g. {@code --no-owner}
     */
    static Run dump(ReadOnlyDatabase source, String schema, Path file, List<String> options, Duration timeout) throws IOException {
        URI uri = URI.create(source.config().jdbcUrl().substring("jdbc:".length()));
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PGPASSWORD", source.config().password() == null ? "" : source.config().password().reveal());
        env.put("PGOPTIONS", "-c default_transaction_read_only=on");
        env.put("PGCONNECT_TIMEOUT", String.valueOf(Math.max(1, source.config().connectTimeout().toSeconds())));
        List<String> command = new ArrayList<>(List.of("pg_dump", "--format=custom"));
        command.addAll(options);
        command.addAll(List.of("--schema=" + schema, "--host=" + uri.getHost(), "--port=" + (uri.getPort() < 0 ? 5432 : uri.getPort()),
                "--dbname=" + uri.getPath().replaceFirst("^/", ""), "--file=" + file));
        if (source.config().user() != null) {
            command.add("--username=" + source.config().user());
        }
        return run(command, env, timeout);
    }

    /** Runs {@code pg_restore} of {@code dump} into {@code destination} with {@code options} before the file name. */
    static Run restore(CopyDestination destination, Path dump, List<String> options, Duration timeout) throws IOException {
        List<String> command = new ArrayList<>(List.of("pg_restore", "--host=" + destination.host(), "--port=" + destination.port(),
                "--username=" + destination.user(), "--dbname=" + destination.database()));
        command.addAll(options);
        command.add(dump.toString());
        return run(command, Map.of("PGPASSWORD", destination.password()), timeout);
    }

    /** The first non-blank line of a program's output, for a one-line message. */
    static String firstLine(String output) {
        return (output == null ? "" : output).lines().filter(line -> !line.isBlank()).findFirst().orElse("(no output)");
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
