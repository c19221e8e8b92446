package dev.greenlight.gate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.greenlight.evidence.EvidenceJson;
import dev.greenlight.evidence.Measurement;
import dev.greenlight.report.AllureResults;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Parameter;
import io.qameta.allure.model.Stage;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.TestResult;
import org.HdrHistogram.Histogram;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The verdict in the Allure report: a "Go/No-Go" epic with the verdict (verdict.md, verdict.json and verdict.pdf
 * attached, a stale sign-off as a parameter) and one result per criterion (status,
 * thresholds and measurement as parameters, the evidence as attachments), the verdict on the overview
 * ({@code environment.properties}) and {@code categories.json} sorting failures by criterion. Results of an earlier
 * gate run in the same directory are replaced.
 *
 * <p>Statuses: met → passed; NO-GO, ROLLBACK, and a GO line clearly missed → failed; uncertain, too little or no
 * evidence, awaiting sign-off → unknown (undecided, never passed).
 */
public final class AllureVerdict {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AllureVerdict() {
    }

    public static void write(Verdict verdict, AllureResults allure, Path verdictDir) {
        removePreviousGateResults(allure.dir());
        long at = verdict.generatedAt().toEpochMilli();
        for (CriterionResult row : verdict.rows()) {
            allure.write(criterion(row, verdict.inputs(), allure, at));
        }
        TestResult summary = base("greenlight.gate.verdict", "Verdict: " + verdict.headline(), at, "Verdict", "blocker")
                .setStatus(switch (verdict.decision()) {
                    case GO -> Status.PASSED;
                    case HOLD -> null;
                    case NO_GO, ROLLBACK -> Status.FAILED;
                })
                .setStatusDetails(new StatusDetails().setMessage((verdict.deciding().isEmpty() ? ""
                        : "[criterion: " + String.join(", ", verdict.deciding()) + "] ") + String.join("\n", verdict.summaryLines())))
                .setDescription(String.join("\n\n", verdict.reasons()));
        verdict.deciding().forEach(id -> summary.getLabels().add(new Label().setName("criterion").setValue(id)));
        for (String file : List.of(Gate.VERDICT_MD, Gate.VERDICT_JSON, Gate.VERDICT_PDF)) {
            Path path = verdictDir.resolve(file);
            String extension = file.substring(file.lastIndexOf('.') + 1);
            if (Files.isRegularFile(path)) {
                summary.getAttachments().add(allure.attach(file, switch (extension) {
                    case "md" -> "text/markdown";
                    case "pdf" -> "application/pdf";
                    default -> "application/json";
                }, extension, read(path)));
            }
        }
        verdict.inputs().signOff().staleEntries().forEach(entry -> summary.getParameters().add(new Parameter()
                .setName("stale sign-off: " + entry.role()).setValue(entry.decision().label() + " " + verdict.inputs().signOff().staleness(entry))));
        allure.write(summary);
        // keys without spaces: a space ends a key in environment.properties
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("Verdict", verdict.headline());
        environment.put("Verdict-decided-by", verdict.deciding().isEmpty() ? "-" : String.join(", ", verdict.deciding()));
        environment.put("Verdict-evidence", verdict.incomplete() ? "INCOMPLETE" : "complete");
        allure.environment(environment);
        allure.writeJson("categories.json", GateCategories.json(verdict.inputs().criteria()));
    }

    private static TestResult criterion(CriterionResult row, GateInputs inputs, AllureResults allure, long at) {
        CriterionSpec spec = row.spec();
        TestResult result = base("greenlight.gate." + spec.id(), spec.id() + " — " + spec.title(), at, "Criteria",
                spec.priority().allureSeverity())
                .setStatus(switch (row.status()) {
                    case MET, OUT_OF_SCOPE -> Status.PASSED;
                    case NOT_RUN -> Status.SKIPPED;
                    case NOT_MET, NO_GO, ROLLBACK -> Status.FAILED;
                    default -> null;
                })
                .setStatusDetails(new StatusDetails().setMessage("[criterion: " + spec.id() + "] " + row.status().contribution().label()
                        + " — " + row.status().label() + ": " + row.reason()));
        result.getLabels().add(new Label().setName("criterion").setValue(spec.id()));
        result.getLabels().add(new Label().setName("story").setValue(spec.priority().label()));
        Estimate e = row.estimate();
        List<Parameter> parameters = result.getParameters();
        parameters.add(new Parameter().setName("status").setValue(row.status().label()));
        parameters.add(new Parameter().setName("lines").setValue(VerdictMarkdown.lines(spec)));
        row.scope().forEach(statement -> parameters.add(new Parameter().setName("left out").setValue(statement)));
        if (e != null) {
            parameters.add(new Parameter().setName("measured").setValue(row.measuredText()));
            parameters.add(new Parameter().setName("interval").setValue(e.hasInterval() ? row.intervalText() : "none (judged as counted/observed)"));
            parameters.add(new Parameter().setName("samples").setValue(row.samplesText()));
        }
        StringBuilder description = new StringBuilder();
        CriterionDetails.render(description, row, inputs, null);
        result.setDescription(description.toString());
        if (e != null && !e.used().isEmpty()) {
            result.getAttachments().add(allure.attachText("evidence · " + spec.id() + " (" + e.used().size() + " measurements)",
                    "application/json", "json", evidenceLines(e.used())));
            if (e.used().stream().anyMatch(m -> m.histogram() != null)) {
                result.getAttachments().add(allure.attachText("merged latency distribution (ms)", "text/plain", "txt",
                        distribution(e.used())));
            }
        }
        if (!row.tests().isEmpty()) {
            result.getAttachments().add(allure.attachText("tests behind " + spec.id(), "text/plain", "txt", row.tests().stream()
                    .map(t -> t.status().label() + "  " + t.fullName() + (t.message().isEmpty() ? "" : "  — " + t.message()))
                    .collect(Collectors.joining("\n"))));
        }
        return result;
    }

    private static TestResult base(String fullName, String name, long at, String feature, String severity) {
        TestResult result = new TestResult().setFullName(fullName).setHistoryId(fullName).setTestCaseId(fullName).setName(name)
                .setStage(Stage.FINISHED).setStart(at).setStop(at);
        result.setLabels(new ArrayList<>(List.of(new Label().setName("epic").setValue(TestOutcome.GATE_EPIC),
                new Label().setName("feature").setValue(feature), new Label().setName("severity").setValue(severity),
                new Label().setName("tag").setValue("gate"))));
        return result;
    }

    /** The measurements as JSON lines, histograms left out (the merged distribution is attached beside them). */
    private static String evidenceLines(List<Measurement> used) {
        StringBuilder out = new StringBuilder();
        for (Measurement m : used) {
            try {
                ObjectNode node = EvidenceJson.mapper().valueToTree(m);
                if (node.has("histogram")) {
                    node.put("histogram", "(omitted)");
                }
                out.append(EvidenceJson.mapper().writeValueAsString(node)).append('\n');
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return out.toString();
    }

    private static String distribution(List<Measurement> used) {
        Histogram merged = DistributionEstimates.merge(used, new ArrayList<>());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        merged.outputPercentileDistribution(new PrintStream(bytes, true, StandardCharsets.UTF_8), 5, 1000.0);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static byte[] read(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /** Deletes the results (and their attachments) an earlier gate run left, so the report shows one verdict. */
    static void removePreviousGateResults(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith("-result.json")).toList()) {
                JsonNode node;
                try {
                    node = JSON.readTree(file.toFile());
                } catch (IOException e) {
                    continue;
                }
                if (!AllureResultsReader.outcome(node, file).epic().equals(TestOutcome.GATE_EPIC)) {
                    continue;
                }
                for (TestOutcome.Attachment attachment : AllureResultsReader.outcome(node, file).attachments()) {
                    if (!attachment.source().isBlank() && !attachment.source().contains("/")) {
                        Files.deleteIfExists(attachment.file());
                    }
                }
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot tidy earlier gate results in " + dir + ": " + e.getMessage(), e);
        }
    }
}
