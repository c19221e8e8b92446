package dev.greenlight.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Where this run executes: the CI system and build (from the usual CI environment variables) and the commit
 * under test. Feeds Allure's {@code executor.json} and {@code environment.properties}.
 */
public final class BuildInfo {

    private final Map<String, String> env;

    public BuildInfo(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /** The commit of the working tree, from CI variables or {@code git rev-parse}, if known. */
    public Optional<String> commit() {
        for (String key : new String[] {"GIT_COMMIT", "GITHUB_SHA", "CI_COMMIT_SHA", "BUILD_VCS_NUMBER"}) {
            if (env.containsKey(key) && !env.get(key).isBlank()) {
                return Optional.of(env.get(key));
            }
        }
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "--short=12", "HEAD").redirectErrorStream(true).start();
            if (git.waitFor(3, TimeUnit.SECONDS) && git.exitValue() == 0) {
                String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                return out.isEmpty() ? Optional.empty() : Optional.of(out);
            }
            git.destroyForcibly();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }

    /** Allure's {@code executor.json}: which CI build produced the report. */
    public String executorJson(String runId) {
        ObjectNode node = new ObjectMapper().createObjectNode();
        if (env.containsKey("GITHUB_ACTIONS")) {
            String runUrl = env.getOrDefault("GITHUB_SERVER_URL", "") + "/" + env.getOrDefault("GITHUB_REPOSITORY", "")
                    + "/actions/runs/" + env.getOrDefault("GITHUB_RUN_ID", "");
            node.put("name", "GitHub Actions").put("type", "github").put("buildName", env.getOrDefault("GITHUB_WORKFLOW", "workflow")
                    + " #" + env.getOrDefault("GITHUB_RUN_NUMBER", "")).put("buildUrl", runUrl);
        } else if (env.containsKey("GITLAB_CI")) {
            node.put("name", "GitLab CI").put("type", "gitlab").put("buildName", "pipeline " + env.getOrDefault("CI_PIPELINE_ID", ""))
                    .put("buildUrl", env.getOrDefault("CI_PIPELINE_URL", ""));
        } else if (env.containsKey("JENKINS_URL")) {
            node.put("name", "Jenkins").put("type", "jenkins").put("buildName", env.getOrDefault("JOB_NAME", "") + " #"
                    + env.getOrDefault("BUILD_NUMBER", "")).put("buildUrl", env.getOrDefault("BUILD_URL", ""));
        } else if (env.containsKey("CI")) {
            node.put("name", "CI").put("type", "ci").put("buildName", "run " + runId);
        } else {
            node.put("name", "Maven on " + env.getOrDefault("HOSTNAME", "this machine")).put("type", "local").put("buildName", "run " + runId);
        }
        node.put("reportName", "Greenlight — run " + runId);
        return node.toPrettyString();
    }
}
