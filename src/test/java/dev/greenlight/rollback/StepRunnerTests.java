package dev.greenlight.rollback;

import dev.greenlight.config.Masker;
import dev.greenlight.config.RollbackConfig;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Rollback steps: run as written, timed out, killed with their children, output masked")
class StepRunnerTests {

    private final StepRunner runner = new StepRunner(Masker.of(List.of("s3cret-token")), Duration.ofSeconds(30),
            Map.of("{baseUrl}", "http://127.0.0.1:9", "{baseline}", "6.19.0"));

    private static RollbackConfig.Step step(String name, Duration timeout, String workDir, String... command) {
        return new RollbackConfig.Step(name, List.of(command), timeout, workDir);
    }

    @Test
    @DisplayName("A step that hangs is killed at its timeout together with the processes it started, and reported as such")
    void shouldKillHangingStepWithItsChildren() {
        String marker = "300." + Math.abs(UUID.randomUUID().getMostSignificantBits() % 100000);

        StepResult result = runner.run(step("hangs", Duration.ofMillis(500), null, "sh", "-c",
                "echo started; sleep " + marker + " & sleep " + marker + "; echo never"));

        assertThat(result.timedOut()).as("timed out").isTrue();
        assertThat(result.ok()).as("ok").isFalse();
        assertThat(result.summary()).as("summary").isEqualTo("hangs: killed after its 500ms timeout (with every process it started)");
        assertThat(result.output()).as("output up to the kill").contains("started").doesNotContain("never");
        assertThat(ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().arguments().map(args -> List.of(args).contains(marker)).orElse(false)).toList())
                .as("processes still running 'sleep %s' after the kill", marker).isEmpty();
    }

    @Test
    @DisplayName("Placeholders are filled, no shell interprets the arguments, and secrets in the output are masked")
    void shouldFillPlaceholdersAndMaskOutput() {
        StepResult result = runner.run(step("echo", null, null, "echo", "{baseUrl}/health", "$HOME", "token=s3cret-token"));

        assertThat(result.ok()).as("ok: %s", result.summary()).isTrue();
        assertThat(result.exit()).as("exit").isZero();
        assertThat(result.output().strip()).as("output").isEqualTo("http://127.0.0.1:9/health $HOME token=******");
        assertThat(result.command()).as("command as shown").doesNotContain("s3cret-token");
    }

    @Test
    @DisplayName("A failing, a missing and a misplaced command each say what went wrong; runAll stops at the first")
    void shouldReportFailuresAndStopAtTheFirst(@TempDir Path dir) {
        List<StepResult> results = runner.runAll(List.of(
                step("fails", null, dir.toString(), "sh", "-c", "echo broken >&2; exit 3"),
                step("never runs", null, null, "true")));
        StepResult missing = runner.run(step("missing", null, null, "no-such-program-" + UUID.randomUUID()));
        StepResult nowhere = runner.run(step("nowhere", null, dir.resolve("absent").toString(), "true"));

        assertThat(results).as("steps run").hasSize(1);
        assertThat(results.get(0).summary()).as("failing step").startsWith("fails: exit 3 in ");
        assertThat(results.get(0).output()).as("its stderr").contains("broken");
        assertThat(missing.summary()).as("missing program").startsWith("missing: cannot start 'no-such-program-");
        assertThat(nowhere.summary()).as("missing working directory").contains("working directory").contains("does not exist");
    }
}
