package dev.greenlight.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * An external command run to its end for a test — a shell script, a launcher, a linter — with its exit code and
 * its output. Output goes to files (no pipe to fill up), and the wait is bounded: a command still running at its
 * timeout is killed and reported as such.
 */
public final class Command {

    /** What a finished command left. */
    public record Result(int exitCode, String stdout, String stderr) {

        /** Both streams, for an assertion's description. */
        public String output() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }

    private Command() {
    }

    /** Runs {@code command} in {@code dir} with {@code env} added to this JVM's environment. */
    public static Result run(Path dir, Map<String, String> env, Duration timeout, List<String> command) {
        try {
            Path out = Files.createTempFile("command", ".out");
            Path err = Files.createTempFile("command", ".err");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toAbsolutePath().toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                        .redirectOutput(out.toFile()).redirectError(err.toFile());
                builder.environment().putAll(env);
                Process process = builder.start();
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                    throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout + ": " + Files.readString(err));
                }
                return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + command, e);
        }
    }

    /** The executable {@code name} on this machine's PATH, if there is one. */
    public static Optional<Path> onPath(String name) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Stream.of(path.split(java.io.File.pathSeparator)).filter(p -> !p.isBlank())
                .map(p -> Path.of(p, name)).filter(Files::isExecutable).findFirst();
    }
}
