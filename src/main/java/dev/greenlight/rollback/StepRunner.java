package dev.greenlight.rollback;

import dev.greenlight.config.Masker;
import dev.greenlight.config.RollbackConfig;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the target file's rollback and roll-forward steps: each command as written (no shell unless the step says
 * {@code sh -c}), placeholders filled, in its working directory, with its timeout. Output goes to a file (a chatty
 * build cannot block on a full pipe) and comes back masked, the last {@value #MAX_OUTPUT} characters at most. A step
 * still running at its timeout is killed together with every process it started, and reported as such.
 */
public final class StepRunner {

    /** Output kept per step, from its end. */
    static final int MAX_OUTPUT = 64 * 1024;

    private final Masker masker;
    private final Duration defaultTimeout;
    private final Map<String, String> placeholders;

    /**
     * @param placeholders e.g. {@code {baseUrl}} → the target's URL; replaced in every argument and the working directory
     */
    public StepRunner(Masker masker, Duration defaultTimeout, Map<String, String> placeholders) {
        this.masker = masker;
        this.defaultTimeout = defaultTimeout;
        this.placeholders = Map.copyOf(placeholders);
    }

    /** Runs the steps in order, stopping after the first that does not succeed. */
    public List<StepResult> runAll(List<RollbackConfig.Step> steps) {
        List<StepResult> results = new ArrayList<>();
        for (RollbackConfig.Step step : steps) {
            StepResult result = run(step);
            results.add(result);
            if (!result.ok()) {
                break;
            }
        }
        return results;
    }

    /** Runs one step and returns how it went; never throws for a failing command. */
    public StepResult run(RollbackConfig.Step step) {
        return run(step, Map.of());
    }

    /** Runs one step with extra environment variables (placeholders filled in their values too). */
    public StepResult run(RollbackConfig.Step step, Map<String, String> env) {
        List<String> command = step.command().stream().map(this::fill).toList();
        String shown = masker.mask(String.join(" ", command));
        Duration timeout = step.timeout() != null ? step.timeout() : defaultTimeout;
        long start = System.nanoTime();
        Path output = null;
        try {
            output = Files.createTempFile("greenlight-step", ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            env.forEach((key, value) -> builder.environment().put(key, fill(value)));
            if (step.workDir() != null && !step.workDir().isBlank()) {
                Path dir = Path.of(fill(step.workDir()));
                if (!Files.isDirectory(dir)) {
                    return failed(step, shown, start, "cannot start: working directory " + dir + " does not exist");
                }
                builder.directory(dir.toFile());
            }
            Process process = builder.start();
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                killTree(process);
                return new StepResult(step.name(), shown, null, true, timeout, tail(output), null, false);
            }
            return new StepResult(step.name(), shown, process.exitValue(), false, since(start), tail(output), null, false);
        } catch (IOException e) {
            return failed(step, shown, start, "cannot start '" + command.get(0) + "': " + masker.mask(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(step, shown, start, "interrupted while waiting for it");
        } finally {
            if (output != null) {
                try {
                    Files.deleteIfExists(output);
                } catch (IOException e) {
                    // a temporary file left behind is harmless
                }
            }
        }
    }

    /**
     * Kills the process and every descendant it has at that moment. The tree is listed first and the root killed
     * before its descendants, so nothing new is started meanwhile and orphans are still known by their handle.
     */
    static void killTree(Process process) {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        process.destroyForcibly();
        tree.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle handle : tree) {
            handle.onExit().completeOnTimeout(handle, 5, TimeUnit.SECONDS).join();
        }
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private StepResult failed(RollbackConfig.Step step, String shown, long start, String problem) {
        return new StepResult(step.name(), shown, null, false, since(start), "", problem, false);
    }

    private String fill(String text) {
        String out = text;
        for (Map.Entry<String, String> entry : placeholders.entrySet()) {
            out = out.replace(entry.getKey(), entry.getValue());
        }
        return out;
    }

    private String tail(Path file) throws IOException {
        long size = Files.size(file);
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long from = Math.max(0, size - MAX_OUTPUT);
            byte[] bytes = new byte[(int) (size - from)];
            in.seek(from);
            in.readFully(bytes);
            String text = new String(bytes, StandardCharsets.UTF_8);
            return masker.mask(from > 0 ? "… (" + size + " bytes, the last " + MAX_OUTPUT + " shown)\n" + text : text);
        }
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
