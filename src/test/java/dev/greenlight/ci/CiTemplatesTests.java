package dev.greenlight.ci;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("CI templates: they parse, their jobs form the documented graph, and every command they run exists")
class CiTemplatesTests {

    private final JsonNode github = CiTemplates.read(CiTemplates.GITHUB);
    private final JsonNode gitlab = CiTemplates.read(CiTemplates.GITLAB);
    private final JsonNode branches = CiTemplates.read(CiTemplates.GITLAB_BRANCHES);

    @Test
    @DisplayName("GitHub: smoke first, critical/migration/rollback in parallel after it, the soak apart, the verdict after all, then the branches")
    void shouldWireTheGithubJobGraph() {
        JsonNode jobs = github.path("jobs");

        assertThat(needs(jobs.path("smoke"))).as("smoke needs").containsExactly("deploy-staging");
        assertThat(needs(jobs.path("suites"))).as("the suites' needs").containsExactly("smoke");
        assertThat(texts(jobs.path("suites").path("strategy").path("matrix").path("suite"))).as("the parallel suites")
                .containsExactly("critical", "migration", "rollback");
        assertThat(needs(jobs.path("soak"))).as("soak needs").containsExactly("smoke", "suites");
        assertThat(needs(jobs.path("verdict"))).as("verdict needs").containsExactly("smoke", "suites", "soak");
        assertThat(jobs.path("verdict").path("if").asText()).as("the verdict runs whatever the suites found").contains("!cancelled()");
        assertThat(jobs.path("deploy-production").path("environment").asText()).as("production deploy's environment (its approval)")
                .isEqualTo("production");
        assertThat(needs(jobs.path("deploy-production"))).as("production deploy needs").contains("verdict");
        assertThat(needs(jobs.path("rollback-staging"))).as("rollback needs").contains("verdict");
        assertThat(needs(jobs.path("extend-soak"))).as("extend-soak needs").containsExactly("verdict");
    }

    @Test
    @DisplayName("GitLab: the same graph, the verdict always, and a child pipeline for the branch")
    void shouldWireTheGitlabJobGraph() {
        assertThat(needs(gitlab.path("smoke"))).as("smoke needs").containsExactly("deploy-staging");
        for (String suite : List.of("critical", "migration", "rollback")) {
            assertThat(gitlab.path(suite).path("stage").asText()).as(suite + "'s stage").isEqualTo("suites");
            assertThat(needs(gitlab.path(suite))).as(suite + " needs").contains("smoke");
        }
        assertThat(needs(gitlab.path("verdict"))).as("verdict needs").containsExactly("smoke", "critical", "migration", "rollback", "soak");
        assertThat(gitlab.path("verdict").path("when").asText()).as("the verdict runs whatever the suites found").isEqualTo("always");
        assertThat(gitlab.path("verdict").path("artifacts").path("reports").path("dotenv").asText()).as("the decision as dotenv")
                .isEqualTo("verdict.env");
        assertThat(gitlab.path("branch").path("trigger").path("include").asText()).as("the child pipeline").isEqualTo("ci/greenlight-branches.yml");
        assertThat(branches.path("deploy-production").path("environment").asText()).as("production deploy's environment").isEqualTo("production");
        assertThat(branches.path("deploy-production").path("rules").get(0).path("when").asText()).as("production deploy is manual")
                .isEqualTo("manual");
    }

    @Test
    @DisplayName("every suite job uploads its own reports/evidence/<runId>, the run id it passes to -Dgreenlight.runId")
    void shouldKeepEachJobsEvidence() {
        for (String job : List.of("smoke", "suites", "soak")) {
            JsonNode steps = github.path("jobs").path(job).path("steps");
            String run = StreamSupport.stream(steps.spliterator(), false).filter(s -> s.path("run").asText().contains("-Dgreenlight.runId="))
                    .findFirst().orElseThrow().path("run").asText();
            String runId = run.replaceAll("(?s).*-Dgreenlight\\.runId=\"\\$RUN_PREFIX-([^\"]+)\".*", "$1");
            assertThat(steps.toString()).as(job + " uploads reports/evidence/<its run id>")
                    .contains("greenlight/reports/evidence/${{ env.RUN_PREFIX }}-" + runId + "/");
        }
        assertThat(gitlab.path(".suite").path("artifacts").path("paths").get(0).asText()).as("GitLab suite artifact")
                .isEqualTo("greenlight/reports/evidence/$RUN_PREFIX-$SUITE/");
        assertThat(gitlab.path(".suite").path("script").get(0).asText()).as("GitLab suite run id").contains("-Dgreenlight.runId=\"$RUN_PREFIX-$SUITE\"");
    }

    @Test
    @DisplayName("every bin/greenlight and mvn invocation of both templates exists in the launcher's --help, pom.xml or the docs")
    void shouldRunOnlyDocumentedCommands() {
        TemplateCommands commands = new TemplateCommands();
        List<String> problems = new ArrayList<>();
        Map<String, String> scripts = new java.util.LinkedHashMap<>(CiTemplates.githubScripts(github));
        scripts.putAll(CiTemplates.gitlabScripts(gitlab));
        CiTemplates.gitlabScripts(branches).forEach((job, script) -> scripts.put("branches/" + job, script));
        scripts.forEach((where, script) -> problems.addAll(commands.problems(where, script)));

        assertThat(problems).as("commands the project does not have").isEmpty();
        assertThat(scripts.values().stream().mapToLong(s -> TemplateCommands.count(s, "bin/greenlight")).sum())
                .as("greenlight invocations checked").isGreaterThanOrEqualTo(8);
        assertThat(scripts.values().stream().mapToLong(s -> TemplateCommands.count(s, "mvn")).sum())
                .as("mvn invocations checked").isGreaterThanOrEqualTo(12);
    }

    @Test
    @DisplayName("the check fails for a command, an option, a profile, a key or a tag that does not exist")
    void shouldFlagWhatDoesNotExist() {
        TemplateCommands commands = new TemplateCommands();

        List<String> problems = commands.problems("bad", String.join("\n",
                "bin/greenlight deploy --now",
                "bin/greenlight gate runs --evidense x && bin/greenlight baseline save --into y run name",
                "mvn -B -Pnightly verify -Dgroups=smokey -Dgreenlight.nosuch.key=1 -DskipITs dependency:unpack@allure-cli"));

        assertThat(problems).as("problems found").containsExactly(
                "bad: greenlight deploy: no such command in greenlight --help",
                "bad: greenlight gate: option --evidense is not in its --help",
                "bad: greenlight baseline save: option --into is not in its --help",
                "bad: mvn profile nightly is not in pom.xml",
                "bad: mvn -Dgroups=smokey: not a suite tag of the README",
                "bad: mvn greenlight.nosuch.key is documented neither in README.md nor in docs/",
                "bad: mvn -DskipITs is not a flag the templates may use (documented or standard Maven)",
                "bad: mvn dependency:unpack@allure-cli: execution allure-cli is not in pom.xml");
    }

    @Test
    @DisplayName("secrets come from the CI's store: no password, token or credential is written in either template")
    void shouldTakeSecretsFromTheStore() {
        String all = github.toString() + gitlab + branches;

        assertThat(github.path("jobs").path("smoke").path("env").path("STAGING_DB_PASSWORD").asText()).as("GitHub")
                .isEqualTo("${{ secrets.STAGING_DB_PASSWORD }}");
        assertThat(all).as("both templates").doesNotContainPattern("(?i)(password|token|secret)\"?\\s*[:=]\\s*\"?[A-Za-z0-9]{6,}");
        assertThat(gitlab.path("variables").has("STAGING_DB_PASSWORD")).as("GitLab: a CI/CD variable, not a file variable").isFalse();
    }

    private static List<String> needs(JsonNode job) {
        JsonNode needs = job.path("needs");
        if (needs.isTextual()) {
            return List.of(needs.asText());
        }
        return StreamSupport.stream(needs.spliterator(), false).map(n -> n.isTextual() ? n.asText() : n.path("job").asText()).toList();
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
