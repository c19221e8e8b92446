package dev.greenlight.preflight;

import dev.greenlight.config.Masker;
import dev.greenlight.config.PreflightConfig;
import dev.greenlight.config.RollbackConfig;
import dev.greenlight.rollback.StepResult;
import dev.greenlight.rollback.StepRunner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One of the checklist's build checks ({@code tsc --noEmit}, {@code npm run build}, {@code prisma validate}) run in the
 * project directory by the rollback drill's runner: no shell, its timeout, output kept. What is not there to run — the
 * program, or a file it {@code requires} such as {@code node_modules/.bin/tsc} — makes the check not run, never failed.
 */
public final class BuildCommand {

    private final PreflightConfig.Command command;
    private final Path project;
    private final StepRunner runner;

    public BuildCommand(PreflightConfig.Command command, Path project, Masker masker, Duration defaultTimeout) {
        this.command = command;
        this.project = project.toAbsolutePath().normalize();
        this.runner = new StepRunner(masker, defaultTimeout, Map.of("{repo}", this.project.toString()));
    }

    /** What is missing for the command to mean anything, if anything: its {@code requires} paths. */
    public Optional<String> missing() {
        List<String> absent = command.requires().stream().filter(path -> !Files.exists(project.resolve(path))).toList();
        return absent.isEmpty() ? Optional.empty()
                : Optional.of(String.join(", ", absent) + " not in " + project + " (not installed)");
    }

    /** Runs it; a program that is not installed comes back with {@link StepResult#notStarted()}. */
    public StepResult run() {
        return runner.run(new RollbackConfig.Step(command.name(), command.command(), command.timeout(), project.toString()), command.env());
    }

    public String name() {
        return command.name();
    }
}
