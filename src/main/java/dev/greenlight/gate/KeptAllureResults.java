package dev.greenlight.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The Allure results a finished run keeps beside its evidence ({@code reports/evidence/<runId>/allure-results}), as
 * several CI jobs' artifacts bring them together: found in or directly under the directories given, so
 * {@code greenlight gate} and {@code greenlight report} need only the run directories; and copied into one report's
 * results without each run's own Go/No-Go results, so a merged report shows one verdict, the merged one.
 */
public final class KeptAllureResults {

    /** Name of the Allure results directory a finished run keeps. */
    public static final String DIR = "allure-results";

    private static final ObjectMapper JSON = new ObjectMapper();

    private KeptAllureResults() {
    }

    /** The Allure results directories in or directly under each of {@code dirs}, in order; a missing dir gives none. */
    public static List<Path> within(List<Path> dirs) {
        List<Path> found = new ArrayList<>();
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            addIfPresent(found, dir.resolve(DIR));
            try (Stream<Path> children = Files.list(dir)) {
                children.filter(Files::isDirectory).sorted().forEach(child -> addIfPresent(found, child.resolve(DIR)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
            }
        }
        return found.stream().distinct().toList();
    }

    /**
     * Copies every file of {@code from} into {@code to} except the gate's own results (epic
     * {@value TestOutcome#GATE_EPIC}); a file {@code to} already has is kept (results are named by uuid, so only
     * shared files such as {@code environment.properties} meet).
     *
     * @return the number of results (test result files) copied
     */
    public static int copyTests(Path from, Path to) {
        int copied = 0;
        try (Stream<Path> files = Files.list(from)) {
            Files.createDirectories(to);
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = file.getFileName().toString();
                boolean result = name.endsWith("-result.json");
                if (result && isGateResult(file) || Files.exists(to.resolve(name))) {
                    continue;
                }
                Files.copy(file, to.resolve(name));
                copied += result ? 1 : 0;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the Allure results of " + from + " into " + to + ": " + e.getMessage(), e);
        }
        return copied;
    }

    private static boolean isGateResult(Path file) {
        try {
            JsonNode node = JSON.readTree(file.toFile());
            return AllureResultsReader.outcome(node, file).epic().equals(TestOutcome.GATE_EPIC);
        } catch (IOException e) {
            return false; // not readable as a result: copied, and the report says what it makes of it
        }
    }

    private static void addIfPresent(List<Path> found, Path candidate) {
        if (Files.isDirectory(candidate)) {
            found.add(candidate);
        }
    }
}
