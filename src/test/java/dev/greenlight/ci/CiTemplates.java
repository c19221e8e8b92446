package dev.greenlight.ci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The CI templates as parsed YAML, and the shell scripts of their jobs, for the template tests. */
final class CiTemplates {

    static final Path GITHUB = Path.of(".github", "workflows", "greenlight.yml");
    static final Path GITLAB = Path.of("ci-templates", "gitlab-ci.yml");
    static final Path GITLAB_BRANCHES = Path.of("ci-templates", "gitlab-ci-branches.yml");
    static final Path BRANCH_SCRIPT = Path.of("ci-templates", "verdict-branch.sh");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private CiTemplates() {
    }

    static JsonNode read(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + file + ": " + e.getMessage(), e);
        }
    }

    /** Each GitHub step's {@code run:} script, keyed {@code job/step name}. */
    static Map<String, String> githubScripts(JsonNode workflow) {
        Map<String, String> scripts = new LinkedHashMap<>();
        workflow.path("jobs").properties().forEach(job -> {
            int i = 0;
            for (JsonNode step : job.getValue().path("steps")) {
                i++;
                if (step.has("run")) {
                    scripts.put(job.getKey() + "/" + step.path("name").asText("step " + i), step.path("run").asText());
                }
            }
        });
        return scripts;
    }

    /** Each GitLab job's (and hidden template's) {@code before_script} and {@code script}, lines joined, keyed {@code job}. */
    static Map<String, String> gitlabScripts(JsonNode pipeline) {
        Map<String, String> scripts = new LinkedHashMap<>();
        pipeline.properties().forEach(job -> {
            List<String> lines = new ArrayList<>();
            for (String key : List.of("before_script", "script")) {
                job.getValue().path(key).forEach(line -> lines.add(line.asText()));
            }
            if (!lines.isEmpty()) {
                scripts.put(job.getKey(), String.join("\n", lines));
            }
        });
        return scripts;
    }
}
