package dev.greenlight.preflight;

import dev.greenlight.config.RollbackConfig;
import dev.greenlight.config.TargetConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether the rollback plan is ready before the deploy: steps to roll back and forward are written down, and each could
 * start from here — its working directory exists and its program is installed. The {@code local} kind rolls back by
 * restarting its own application, so it needs no steps (docs/rollback.md).
 */
public final class RollbackPlan {

    private RollbackPlan() {
    }

    /** One line per problem with {@code rollback.*} of {@code target}; empty when the plan is ready. */
    public static List<String> findings(TargetConfig target, String pathVariable) {
        RollbackConfig rollback = target.rollback();
        List<String> findings = new ArrayList<>();
        boolean builtIn = target.kind() == TargetConfig.Kind.LOCAL;
        if (!builtIn && rollback.steps().isEmpty()) {
            findings.add("rollback.steps is empty: there is no written way back to " + target.app().version().baseline());
        }
        if (!builtIn && rollback.forwardSteps().isEmpty()) {
            findings.add("rollback.forwardSteps is empty: there is no written way forward again to " + target.app().version().expected());
        }
        List<RollbackConfig.Step> all = new ArrayList<>(rollback.steps());
        all.addAll(rollback.forwardSteps());
        for (RollbackConfig.Step step : all) {
            if (step.workDir() != null && !step.workDir().isBlank() && !step.workDir().contains("{") && !Files.isDirectory(Path.of(step.workDir()))) {
                findings.add("rollback step '" + step.name() + "': working directory " + step.workDir() + " does not exist here");
            }
            String program = step.command().get(0);
            if (!program.contains("{") && !installed(program, step.workDir(), pathVariable)) {
                findings.add("rollback step '" + step.name() + "': " + program + " is not installed here (not on the PATH)");
            }
        }
        return findings;
    }

    private static boolean installed(String program, String workDir, String pathVariable) {
        if (program.contains("/")) {
            Path path = Path.of(program);
            return Files.isExecutable(path.isAbsolute() || workDir == null || workDir.isBlank() ? path : Path.of(workDir).resolve(path));
        }
        for (String dir : (pathVariable == null ? "" : pathVariable).split(java.io.File.pathSeparator)) {
            if (!dir.isBlank() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
