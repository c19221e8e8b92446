package dev.greenlight.target;

import dev.greenlight.config.Masker;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A log read from a command's output each time it is asked, e.g. {@code kubectl logs deploy/app --tail=5000}.
 * The command runs without a shell, is killed at its timeout, and its last {@code maxLines} lines are kept.
 */
public final class CommandLogSource implements LogSource {

    private final List<String> command;
    private final Duration timeout;
    private final int maxLines;
    private final Masker masker;

    public CommandLogSource(List<String> command, Duration timeout, int maxLines, Masker masker) {
        this.command = List.copyOf(command);
        this.timeout = timeout;
        this.maxLines = maxLines;
        this.masker = masker;
    }

    @Override
    public List<String> tail(int lines) {
        int keep = Math.min(lines, maxLines);
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new LogUnavailableException("cannot run log command " + describe() + ": " + e.getMessage(), e);
        }
        CompletableFuture<Deque<String>> output = CompletableFuture.supplyAsync(() -> readLast(process, keep));
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new LogUnavailableException("log command " + describe() + " did not finish within " + timeout.toSeconds() + "s and was killed");
            }
            Deque<String> last = output.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (process.exitValue() != 0) {
                throw new LogUnavailableException("log command " + describe() + " exited with " + process.exitValue()
                        + (last.isEmpty() ? "" : ": " + masker.mask(last.peekLast())));
            }
            return List.copyOf(last);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new LogUnavailableException("interrupted while reading " + describe(), e);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new LogUnavailableException("cannot read the output of " + describe() + ": " + e.getMessage(), e);
        }
    }

    private static Deque<String> readLast(Process process, int keep) {
        Deque<String> last = new ArrayDeque<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                last.addLast(line);
                if (last.size() > keep) {
                    last.removeFirst();
                }
            }
        } catch (IOException e) {
            // the process was killed; what was read so far is what there is
        }
        return last;
    }

    @Override
    public String describe() {
        return "command '" + masker.mask(String.join(" ", command)) + "'";
    }
}
