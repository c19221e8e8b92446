package dev.greenlight.preflight;

import dev.greenlight.config.Masker;
import dev.greenlight.config.PreflightConfig;
import dev.greenlight.rollback.StepResult;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Build commands: run without a shell in the project, env and {repo} filled in; what is not installed is not run")
class BuildCommandTests {

    @TempDir
    Path project;

    private BuildCommand command(List<String> argv, Map<String, String> env, List<String> requires) {
        return new BuildCommand(new PreflightConfig.Command("check", argv, Duration.ofSeconds(10), env, requires), project,
                Masker.of(List.of()), Duration.ofSeconds(10));
    }

    @Test
    @DisplayName("A command runs in the project with its environment; a failing one comes back failed with its output")
    void shouldRunInTheProjectWithItsEnvironment() {
        StepResult ok = command(List.of("sh", "-c", "pwd; echo $WHERE"), Map.of("WHERE", "{repo}/x"), List.of()).run();
        StepResult failed = command(List.of("sh", "-c", "echo broken >&2; exit 3"), Map.of(), List.of()).run();

        assertThat(ok.ok()).as("%s", ok.summary()).isTrue();
        assertThat(ok.output()).as("output").contains(project.toAbsolutePath().toString() + "\n" + project.toAbsolutePath() + "/x");
        assertThat(failed.ok()).as("a failing command").isFalse();
        assertThat(failed.exit()).as("its exit").isEqualTo(3);
        assertThat(failed.output()).as("its output").contains("broken");
        assertThat(failed.notStarted()).as("a failing command did start").isFalse();
    }

    @Test
    @DisplayName("A program that is not installed, or a required file that is missing, is told apart from a failure")
    void shouldTellNotInstalledFromFailed() {
        StepResult absent = command(List.of("/nowhere/tsc", "--noEmit"), Map.of(), List.of()).run();

        assertThat(absent.notStarted()).as("%s", absent.summary()).isTrue();
        assertThat(command(List.of("true"), Map.of(), List.of("node_modules/.bin/tsc")).missing()).as("missing requirement")
                .get().asString().startsWith("node_modules/.bin/tsc not in ");
    }
}
