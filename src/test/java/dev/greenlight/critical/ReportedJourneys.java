package dev.greenlight.critical;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The Allure results a suite run wrote, read back so a self-test can check what a reviewer will see. */
final class ReportedJourneys {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final List<JsonNode> results;

    private ReportedJourneys(Path dir, List<JsonNode> results) {
        this.dir = dir;
        this.results = results;
    }

    static ReportedJourneys in(Path reports) {
        return at(reports.resolve("allure-results"));
    }

    /** Results in an Allure results directory. */
    static ReportedJourneys at(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            List<JsonNode> results = new ArrayList<>();
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith("-result.json")).toList()) {
                results.add(JSON.readTree(file.toFile()));
            }
            return new ReportedJourneys(dir, results);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A journey's result, by a part of its name. */
    Journey named(String text) {
        return describedAs(text, "");
    }

    /** The result whose name contains {@code name} and whose description contains {@code description}. */
    Journey describedAs(String name, String description) {
        return results.stream().filter(r -> r.path("name").asText().contains(name) && r.path("description").asText().contains(description))
                .findFirst().map(Journey::new)
                .orElseThrow(() -> new AssertionError("no Allure result named like '" + name + "' (described with '" + description + "') in " + dir));
    }

    /** One journey as reported: its steps (nested, in order) and attachments (of the journey and its steps). */
    final class Journey {
        private final JsonNode result;

        private Journey(JsonNode result) {
            this.result = result;
        }

        String status() {
            return result.path("status").asText();
        }

        List<String> labels(String name) {
            List<String> values = new ArrayList<>();
            result.path("labels").forEach(label -> {
                if (name.equals(label.path("name").asText())) {
                    values.add(label.path("value").asText());
                }
            });
            return values;
        }

        List<String> steps() {
            List<String> names = new ArrayList<>();
            walk(result, node -> node.path("steps").forEach(step -> names.add(step.path("name").asText())));
            return names;
        }

        List<String> attachments() {
            List<String> names = new ArrayList<>();
            walk(result, node -> node.path("attachments").forEach(a -> names.add(a.path("name").asText())));
            return names;
        }

        /** The content of the first attachment whose name contains {@code text}. */
        byte[] attachment(String text) {
            List<JsonNode> found = new ArrayList<>();
            walk(result, node -> node.path("attachments").forEach(a -> {
                if (a.path("name").asText().contains(text)) {
                    found.add(a);
                }
            }));
            if (found.isEmpty()) {
                throw new AssertionError("no attachment named like '" + text + "' on " + result.path("name").asText() + "; has " + attachments());
            }
            try {
                return Files.readAllBytes(dir.resolve(found.get(0).path("source").asText()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void walk(JsonNode node, java.util.function.Consumer<JsonNode> visit) {
            visit.accept(node);
            node.path("steps").forEach(step -> walk(step, visit));
        }
    }
}
