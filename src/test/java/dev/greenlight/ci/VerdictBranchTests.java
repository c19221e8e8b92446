package dev.greenlight.ci;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.testkit.Command;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The branch on the verdict: ci-templates/verdict-branch.sh on each exit code of the gate, then the templates'
 * own verdict scripts, taken from the YAML and run by bash with a stand-in launcher that exits with a chosen code.
 */
@DisplayName("branching on the verdict: the gate's exit code becomes the decision the jobs branch on")
class VerdictBranchTests {

    private static final Set<String> DECISIONS = Set.of("go", "hold", "no-go", "rollback");

    @TempDir
    Path work;

    @BeforeEach
    void shells() {
        assumeThat(Command.onPath("bash")).as("bash on PATH (the shell of GitHub's run: steps and GitLab's scripts)").isPresent();
    }

    @ParameterizedTest(name = "exit {0} → {1}, signed {2}")
    @CsvSource({"0, go, true", "10, go, false", "20, hold, false", "30, no-go, false", "40, rollback, false"})
    @DisplayName("each verdict's exit code gives its decision and exits 0")
    void shouldMapEachVerdict(int code, String decision, boolean signed) throws IOException {
        Command.Result result = branch(String.valueOf(code));

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(Files.readAllLines(work.resolve("out.env"))).as("the outputs written").containsExactly(
                "GREENLIGHT_DECISION=" + decision, "GREENLIGHT_SIGNED=" + signed, "GREENLIGHT_VERDICT_EXIT=" + code);
    }

    @ParameterizedTest(name = "exit {0}")
    @CsvSource({"2", "1", "137"})
    @DisplayName("a gate that did not decide (bad input, a crash) fails the job and writes no decision")
    void shouldFailWhenTheGateDidNotDecide(String code) {
        Command.Result result = branch(code);

        assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
        assertThat(result.stderr()).as("stderr").contains("the gate did not decide (exit " + code);
        assertThat(work.resolve("out.env")).as("no outputs").doesNotExist();
    }

    @ParameterizedTest(name = "gate exits {0}")
    @CsvSource({"10, go, 0", "20, hold, 0", "30, no-go, 0", "40, rollback, 0", "2, , 1"})
    @DisplayName("the GitHub verdict job's gate step, as written in the workflow, outputs the decision (or fails without one)")
    void shouldBranchInTheGithubGateStep(int gate, String decision, int stepExit) throws IOException {
        String script = CiTemplates.githubScripts(CiTemplates.read(CiTemplates.GITHUB)).get("verdict/Gate over the merged evidence");

        Command.Result step = runWithStandIns(script, gate, Map.of("GITHUB_OUTPUT", work.resolve("github-output").toString()));

        assertThat(step.exitCode()).as(step.output()).isEqualTo(stepExit);
        assertThat(outputs("github-output")).as("step outputs").isEqualTo(decision == null ? "" : "GREENLIGHT_DECISION=" + decision);
    }

    @ParameterizedTest(name = "gate exits {0}")
    @CsvSource({"0, go, 0", "20, hold, 0", "30, no-go, 0", "40, rollback, 0", "2, , 1"})
    @DisplayName("the GitLab verdict job's script, as written in the template, leaves the decision as dotenv (or fails without one)")
    void shouldBranchInTheGitlabVerdictJob(int gate, String decision, int jobExit) throws IOException {
        JsonNode job = CiTemplates.read(CiTemplates.GITLAB).path("verdict");
        StringBuilder script = new StringBuilder();
        job.path("script").forEach(line -> script.append(line.asText()).append('\n'));

        Command.Result run = runWithStandIns(script.toString(), gate, Map.of("CI_PROJECT_DIR", work.toString(), "RUN_PREFIX", "gl-1"));

        assertThat(run.exitCode()).as(run.output()).isEqualTo(jobExit);
        assertThat(outputs("verdict.env")).as("dotenv").isEqualTo(decision == null ? "" : "GREENLIGHT_DECISION=" + decision);
    }

    @Test
    @DisplayName("every decision the script writes has a branch in both templates, and no branch waits for another")
    void shouldBranchOnExactlyTheScriptsDecisions() throws IOException {
        String github = Files.readString(CiTemplates.GITHUB);
        String branches = Files.readString(CiTemplates.GITLAB_BRANCHES);

        assertThat(literals(github, "(?i)decision == '([a-z-]+)'")).as("decisions the GitHub jobs' if: test").isEqualTo(new TreeSet<>(DECISIONS));
        assertThat(literals(branches, "\\$GREENLIGHT_DECISION == \"([a-z-]+)\"")).as("decisions the GitLab branches' rules test")
                .isEqualTo(new TreeSet<>(DECISIONS));
        assertThat(literals(Files.readString(CiTemplates.BRANCH_SCRIPT), "decision=([a-z-]+)")).as("decisions the script writes")
                .isEqualTo(new TreeSet<>(DECISIONS));
    }

    private Command.Result branch(String code) {
        return Command.run(work, Map.of(), Duration.ofSeconds(30),
                List.of("sh", CiTemplates.BRANCH_SCRIPT.toAbsolutePath().toString(), code, work.resolve("out.env").toString()));
    }

    /** Runs a template script in a Greenlight checkout whose launcher exits {@code gate} for `gate`, and whose mvn does nothing. */
    private Command.Result runWithStandIns(String script, int gate, Map<String, String> env) throws IOException {
        Path checkout = Files.createDirectories(work.resolve("greenlight"));
        Files.createDirectories(checkout.resolve("bin"));
        Files.createDirectories(checkout.resolve("ci-templates"));
        Files.copy(CiTemplates.BRANCH_SCRIPT, checkout.resolve(CiTemplates.BRANCH_SCRIPT));
        executable(checkout.resolve("bin/greenlight"), "#!/bin/sh\nif [ \"$1\" = gate ]; then exit " + gate + "; fi\nexit 0\n");
        Path stubs = Files.createDirectories(work.resolve("stubs"));
        executable(stubs.resolve("mvn"), "#!/bin/sh\nexit 0\n");
        Map<String, String> environment = new java.util.HashMap<>(env);
        environment.put("PATH", stubs + java.io.File.pathSeparator + System.getenv("PATH"));
        // GitHub runs a step as bash --noprofile --norc -eo pipefail; GitLab's runner stops a script at the first failure alike
        return Command.run(checkout, environment, Duration.ofSeconds(30), List.of("bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script));
    }

    private static void executable(Path file, String content) throws IOException {
        Files.writeString(file, content);
        assertThat(file.toFile().setExecutable(true)).as("made " + file + " executable").isTrue();
    }

    private String outputs(String file) throws IOException {
        Path path = work.resolve(file);
        return Files.exists(path) ? Files.readAllLines(path).stream().filter(l -> l.startsWith("GREENLIGHT_DECISION=")).findFirst().orElse("") : "";
    }

    private static Set<String> literals(String text, String regex) {
        Set<String> found = new TreeSet<>();
        Pattern.compile(regex).matcher(text).results().forEach(m -> found.add(m.group(1)));
        return found;
    }
}
