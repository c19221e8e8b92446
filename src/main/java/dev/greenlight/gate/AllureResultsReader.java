package dev.greenlight.gate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads test outcomes from one or many Allure results directories (several CI jobs, several days). A result seen
 * twice (same uuid) counts once; a file that cannot be read is listed, never fatal.
 */
public final class AllureResultsReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AllureResultsReader() {
    }

    /**
     * What was read.
     *
     * @param outcomes   every distinct result, in file-name order
     * @param unreadable files that could not be read, as {@code file: reason}
     */
    public record Results(List<TestOutcome> outcomes, List<String> unreadable) {

        public Results {
            outcomes = List.copyOf(outcomes);
            unreadable = List.copyOf(unreadable);
        }
    }

    /**
     * Reads every {@code *-result.json} directly under {@code dirs}.
     *
     * @throws IllegalArgumentException when a directory does not exist
     */
    public static Results read(List<Path> dirs) {
        Map<String, TestOutcome> byUuid = new LinkedHashMap<>();
        List<String> unreadable = new ArrayList<>();
        for (Path dir : dirs.stream().map(d -> d.toAbsolutePath().normalize()).distinct().toList()) {
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException("Allure results directory " + dir + " does not exist");
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(f -> f.getFileName().toString().endsWith("-result.json")).sorted().toList()) {
                    try {
                        TestOutcome outcome = outcome(JSON.readTree(file.toFile()), file);
                        byUuid.putIfAbsent(outcome.uuid(), outcome);
                    } catch (JsonProcessingException e) {
                        unreadable.add(file + ": not valid JSON: " + e.getOriginalMessage());
                    } catch (IOException | RuntimeException e) {
                        unreadable.add(file + ": " + e.getMessage());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list Allure results in " + dir + ": " + e.getMessage(), e);
            }
        }
        return new Results(new ArrayList<>(byUuid.values()), unreadable);
    }

    static TestOutcome outcome(JsonNode node, Path file) {
        String epic = "";
        List<String> criteria = new ArrayList<>();
        for (JsonNode label : node.path("labels")) {
            String name = label.path("name").asText();
            if (name.equals("epic") && epic.isEmpty()) {
                epic = label.path("value").asText();
            } else if (name.equals("criterion")) {
                for (String value : label.path("value").asText().split(",")) {
                    if (!value.isBlank()) {
                        criteria.add(value.strip());
                    }
                }
            }
        }
        List<TestOutcome.Attachment> attachments = new ArrayList<>();
        collectAttachments(node, file.getParent(), attachments, 0);
        String message = node.path("statusDetails").path("message").asText("");
        String uuid = node.path("uuid").asText(file.getFileName().toString());
        return new TestOutcome(uuid, node.path("name").asText(""), node.path("fullName").asText(null),
                TestOutcome.Status.parse(node.path("status").asText(null)), message.strip().lines().findFirst().orElse(""),
                epic, criteria, attachments, file);
    }

    private static void collectAttachments(JsonNode node, Path dir, List<TestOutcome.Attachment> into, int depth) {
        if (depth > 50) {
            return;
        }
        for (JsonNode attachment : node.path("attachments")) {
            String source = attachment.path("source").asText("");
            into.add(new TestOutcome.Attachment(attachment.path("name").asText(source), source, dir.resolve(source)));
        }
        for (JsonNode step : node.path("steps")) {
            collectAttachments(step, dir, into, depth + 1);
        }
    }
}
