package dev.greenlight.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.greenlight.config.ConfigException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code gate --verify}: whether a {@code verdict.json} still stands on its evidence. It checks the file's own hash,
 * re-reads the inputs it records, hashes every file again (naming each one changed, missing or added), checks the
 * sign-off file's hash, recomputes the verdict at the recorded time and compares the decision and every criterion's
 * row with the recorded ones. The verdict's timestamp is not a difference.
 */
public final class VerdictCheck {

    /** Exit code of a verification that found a difference. */
    public static final int CHANGED_EXIT = 3;

    private static final ObjectMapper JSON = new ObjectMapper();

    private VerdictCheck() {
    }

    /**
     * What verification found.
     *
     * @param fingerprint the recorded evidence fingerprint
     * @param headline    the recorded headline
     * @param files       how many files were checked
     * @param problems    one sentence per difference; empty when the verdict stands
     */
    public record Result(String fingerprint, String headline, int files, List<String> problems) {

        public Result {
            problems = List.copyOf(problems);
        }

        public boolean verified() {
            return problems.isEmpty();
        }
    }

    /** Reads a verdict.json; bad input (no such file, not JSON, no fingerprint) is one {@link ConfigException}. */
    static JsonNode read(Path verdictFile) {
        if (!Files.isRegularFile(verdictFile)) {
            throw new ConfigException("no verdict at " + verdictFile + ": run the gate first (mvn -Pacceptance verify, or greenlight gate)");
        }
        try {
            return JSON.readTree(verdictFile.toFile());
        } catch (IOException e) {
            throw new ConfigException(verdictFile + ": not a readable verdict.json: " + e.getMessage(), e);
        }
    }

    /** The evidence fingerprint {@code verdictFile} records. */
    public static String fingerprint(Path verdictFile) {
        return FingerprintJson.read(read(verdictFile), verdictFile).fingerprint();
    }

    /** The request {@code verdictFile} records, writing next to it: to judge the same inputs again. */
    public static Gate.Request recordedRequest(Path verdictFile) {
        return FingerprintJson.read(read(verdictFile), verdictFile).request();
    }

    public static Result verify(Path verdictFile) {
        JsonNode root = read(verdictFile);
        FingerprintJson.Recorded recorded = FingerprintJson.read(root, verdictFile);
        List<String> problems = new ArrayList<>();
        if (!VerdictJson.selfHash(root).equals(root.path(VerdictJson.SELF_HASH).asText())) {
            problems.add(display(verdictFile) + " itself was edited after the gate wrote it (its " + VerdictJson.SELF_HASH
                    + " does not match its content)");
        }
        GateInputs inputs;
        try {
            inputs = Gate.read(recorded.request());
        } catch (ConfigException e) {
            problems.add("cannot read the recorded inputs again: " + e.getMessage());
            return new Result(recorded.fingerprint(), root.path("headline").asText(), recorded.files().size(), problems);
        }
        compareFiles(recorded.files(), inputs.fingerprint().files(), problems);
        String signOffNow = inputs.fingerprint().signOffSha256();
        if (!Objects.equals(recorded.signOffSha256(), signOffNow)) {
            problems.add((signOffNow == null ? "missing" : "changed") + ": sign-off file " + display(recorded.request().signOffFile())
                    + " (not part of the fingerprint; the decisions differ from those judged: run greenlight gate --rejudge " + display(verdictFile) + ")");
        }
        if (!inputs.fingerprint().value().equals(recorded.fingerprint())) {
            problems.add("the evidence fingerprint is now " + inputs.fingerprint().value() + ", the verdict records " + recorded.fingerprint());
        }
        Instant at;
        try {
            at = Instant.parse(root.path("generatedAt").asText());
        } catch (DateTimeParseException e) {
            at = Instant.EPOCH;
        }
        Verdict again = VerdictRules.judge(inputs, at);
        compareVerdicts(root, reparsed(VerdictJson.tree(again, recorded.request().outDir())), problems);
        return new Result(recorded.fingerprint(), root.path("headline").asText(), recorded.files().size(), problems);
    }

    /** The tree as read from a file, so numbers compare as the recorded ones were read (100000 as an int, not a long). */
    private static JsonNode reparsed(JsonNode tree) {
        try {
            return JSON.readTree(JSON.writeValueAsString(tree));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void compareFiles(List<EvidenceFingerprint.Input> before, List<EvidenceFingerprint.Input> now, List<String> problems) {
        Map<Path, EvidenceFingerprint.Input> current = new LinkedHashMap<>();
        now.forEach(f -> current.put(f.file(), f));
        for (EvidenceFingerprint.Input file : before) {
            EvidenceFingerprint.Input again = current.remove(file.file());
            if (again == null) {
                problems.add("missing: " + display(file.file()) + " (" + file.kind() + ")");
            } else if (!again.sha256().equals(file.sha256())) {
                problems.add("changed: " + display(file.file()) + " (" + file.kind() + ")");
            }
        }
        current.values().forEach(f -> problems.add("added: " + display(f.file()) + " (" + f.kind() + ")"));
    }

    private static void compareVerdicts(JsonNode recorded, JsonNode again, List<String> problems) {
        for (String key : List.of("decision", "headline", "awaitingSignOff", "incomplete", "reasons", "decidedBy")) {
            if (!recorded.path(key).equals(again.path(key))) {
                problems.add("recomputed " + key + " differs: recorded " + recorded.path(key) + ", now " + again.path(key));
            }
        }
        Map<String, JsonNode> rows = new LinkedHashMap<>();
        again.path("criteria").forEach(row -> rows.put(row.path("id").asText(), row));
        for (JsonNode row : recorded.path("criteria")) {
            JsonNode other = rows.remove(row.path("id").asText());
            if (other == null) {
                problems.add("criterion " + row.path("id").asText() + " is recorded but no longer judged");
                continue;
            }
            for (String field : List.of("status", "reason", "measured/shown", "measured/interval", "measured/samples")) {
                JsonNode a = row.at("/" + field);
                JsonNode b = other.at("/" + field);
                if (!a.equals(b)) {
                    problems.add("criterion " + row.path("id").asText() + ": recomputed " + field.replace('/', '.') + " differs: recorded "
                            + a + ", now " + b);
                }
            }
        }
        rows.keySet().forEach(id -> problems.add("criterion " + id + " is judged now but not recorded"));
    }

    /** A path for a message: relative to the working directory when it lies under it. */
    static String display(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath();
        return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
    }
}
