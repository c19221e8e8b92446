package dev.greenlight.rollback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.greenlight.evidence.EvidenceReader;
import dev.greenlight.evidence.Measurement;
import dev.greenlight.testkit.SuiteRun;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What one self-test run of the drill left behind, read from its files: the outcomes, the evidence, the Allure
 * results and — the independent witness of the final state — the sample app's own log in the run directory.
 *
 * @param reports  the reports directory of the run
 * @param outcomes what happened to each test
 */
record DrillRunFiles(Path reports, SuiteRun.Outcomes outcomes) {

    private static final Pattern STARTED = Pattern.compile("Prisma Client (\\S+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    SuiteRun.Outcome outcome(String test) {
        return outcomes.named(test);
    }

    Measurement measurement(String name) {
        return EvidenceReader.read(List.of(reports.resolve("evidence"))).measurements().stream()
                .filter(m -> m.criterion().equals(DrillEvidence.CRITERION) && m.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no rollback-drill measurement '" + name + "'"));
    }

    boolean has(String name) {
        return EvidenceReader.read(List.of(reports.resolve("evidence"))).measurements().stream()
                .anyMatch(m -> m.criterion().equals(DrillEvidence.CRITERION) && m.name().equals(name));
    }

    /** The run's directory: {@code evidence/<runId>}. */
    Path runDir() {
        try (Stream<Path> dirs = Files.list(reports.resolve("evidence"))) {
            return dirs.filter(dir -> Files.isRegularFile(dir.resolve("local/app.log"))).findFirst()
                    .orElseThrow(() -> new AssertionError("no run directory with local/app.log under " + reports.resolve("evidence")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The top-level steps of the test in the Allure results. */
    List<String> stepNames(String test) {
        try (Stream<Path> files = Files.list(reports.resolve("allure-results"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith("-result.json")).toList()) {
                JsonNode result = JSON.readTree(file.toFile());
                if (result.path("fullName").asText().contains(test)) {
                    List<String> names = new ArrayList<>();
                    result.path("steps").forEach(step -> names.add(step.path("name").asText()));
                    return names;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("no Allure result for " + test);
    }

    /** The versions the app started as, in order, from its start-up lines. */
    List<String> startedVersions() {
        List<String> versions = new ArrayList<>();
        for (String line : appLog()) {
            Matcher matcher = STARTED.matcher(line);
            if (matcher.find()) {
                versions.add(matcher.group(1));
            }
        }
        return versions;
    }

    /** The app's log says the candidate started last and became ready: staging is back where the drill found it. */
    void assertBackOnCandidate() {
        List<String> log = appLog();
        int lastStart = -1;
        for (int i = 0; i < log.size(); i++) {
            if (STARTED.matcher(log.get(i)).find()) {
                lastStart = i;
            }
        }
        assertThat(lastStart).as("a start-up line in the app's log").isNotNegative();
        assertThat(log.get(lastStart)).as("the last start-up line of the app's log").contains("Prisma Client 7.0.1");
        assertThat(log.subList(lastStart, log.size())).as("the app's log after the last start-up line")
                .anyMatch(line -> line.contains("Ready in"));
        assertThat(measurement("rollback drill passed").attributes().get("finalState")).as("the drill's own final-state line")
                .startsWith("Staging is back on 7.0.1 and healthy");
    }

    private List<String> appLog() {
        try {
            return Files.readAllLines(runDir().resolve("local/app.log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
