package dev.greenlight.preflight;

import dev.greenlight.config.Masker;
import dev.greenlight.config.RollbackConfig;
import dev.greenlight.rollback.StepResult;
import dev.greenlight.rollback.StepRunner;
import dev.greenlight.run.NotRun;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Git itself, run on a checkout with a timeout and no shell, never reaching the network (no fetch: "unpushed" is what the
 * checkout knows of its upstream). A missing git is the harness's trouble, not the application's.
 */
public final class Git {

    private static final Map<String, String> ENV = Map.of("GIT_TERMINAL_PROMPT", "0", "GIT_OPTIONAL_LOCKS", "0", "LC_ALL", "C");

    private final Path dir;
    private final StepRunner runner;

    /** Git on the checkout at {@code dir}, each call bounded by {@code timeout}. */
    public Git(Path dir, Masker masker, Duration timeout) {
        this.dir = dir;
        this.runner = new StepRunner(masker, timeout, Map.of());
    }

    /** Runs {@code git -C <dir> <args>}; the result whatever its exit. */
    public StepResult run(String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString(), "-c", "core.quotepath=off"));
        command.addAll(List.of(args));
        StepResult result = runner.run(new RollbackConfig.Step("git " + args[0], command, null, null), ENV);
        if (result.notStarted()) {
            throw NotRun.because("git could not be run here: " + result.problem(), "install git (apt-get install git) on the machine running Greenlight");
        }
        return result;
    }

    /** Runs {@code git <args>} and returns its output; a failure is an {@link IllegalStateException} naming the command. */
    public String output(String... args) {
        StepResult result = run(args);
        if (!result.ok()) {
            throw new IllegalStateException(result.summary() + ": " + result.output().strip());
        }
        return result.output();
    }

    /** Branch, upstream, how far ahead, and what is not committed, from {@code git status --porcelain=v2 --branch}. */
    public GitState state() {
        StepResult result = run("status", "--porcelain=v2", "--branch", "--untracked-files=normal");
        if (!result.ok()) {
            throw NotRun.because("git status failed in " + dir + ": " + result.output().strip(),
                    "point preflight.repo at a git checkout of the application");
        }
        return GitState.parse(result.output());
    }
}
