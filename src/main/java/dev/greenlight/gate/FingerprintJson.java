package dev.greenlight.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.greenlight.config.ConfigException;
import dev.greenlight.config.GateConfig;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code evidence} section of {@code verdict.json}, both ways: the fingerprint, the request that was judged and
 * every fingerprinted file with its SHA-256, so {@code gate --verify} and {@code gate --rejudge} can judge the same
 * inputs again. Paths are relative to the verdict's directory, so a reports tree checked out or unpacked elsewhere
 * still verifies.
 */
final class FingerprintJson {

    static final String DEFINITION = "sha256 of the sorted lines '<kind> <sha256 of content>' of every file below plus "
            + "'gate-settings <gateSettingsSha256>'; the sign-off file, the gate's own Allure results (epic " + TestOutcome.GATE_EPIC
            + ") with their attachments, and the verdict files are left out (see docs/gate.md)";

    private FingerprintJson() {
    }

    /**
     * What a verdict recorded about its inputs.
     *
     * @param fingerprint    the evidence fingerprint
     * @param request        the request judged, paths resolved against the verdict's directory; writes next to the verdict
     * @param files          the fingerprinted files, absolute
     * @param signOffSha256  the sign-off file's hash; null when none was read
     */
    record Recorded(String fingerprint, Gate.Request request, List<EvidenceFingerprint.Input> files, String signOffSha256) {
    }

    static void write(ObjectNode evidence, EvidenceFingerprint fp, Path outDir) {
        Gate.Request request = fp.request();
        evidence.put("fingerprint", fp.value());
        evidence.put("definition", DEFINITION);
        evidence.put("pathsRelativeTo", "the directory of this verdict.json");
        ObjectNode req = evidence.putObject("request");
        paths(req.putArray("evidenceDirs"), request.evidenceDirs(), outDir);
        paths(req.putArray("allureResultsDirs"), request.allureResultsDirs(), outDir);
        req.put("criteriaFile", relative(request.criteriaFile(), outDir));
        req.put("signOffFile", request.signOffFile() == null ? null : relative(request.signOffFile(), outDir));
        paths(req.putArray("baselineDirs"), request.baselineDirs(), outDir);
        req.put("minDuration", request.minDurationOverride() == null ? null : request.minDurationOverride().toString());
        ObjectNode lines = req.putObject("lines");
        new java.util.TreeMap<>(request.lineOverrides()).forEach((id, l) -> lines.putObject(id).put("go", l.go()).put("noGo", l.noGo())
                .put("rollback", l.rollback()));
        evidence.put("gateSettings", EvidenceFingerprint.settingsText(request));
        evidence.put("gateSettingsSha256", fp.settingsSha256());
        ObjectNode baselines = evidence.putObject("baselines");
        fp.baselines().forEach((name, dir) -> baselines.put(name, dir == null ? null : relative(dir, outDir)));
        ArrayNode files = evidence.putArray("files");
        fp.files().forEach(f -> files.addObject().put("kind", f.kind()).put("path", relative(f.file(), outDir)).put("sha256", f.sha256()));
        if (request.signOffFile() == null) {
            evidence.putNull("signOffFile");
        } else {
            evidence.putObject("signOffFile").put("path", relative(request.signOffFile(), outDir)).put("sha256", fp.signOffSha256())
                    .put("inFingerprint", false);
        }
    }

    /** Reads the section back from {@code root}, the verdict at {@code verdictFile}. */
    static Recorded read(JsonNode root, Path verdictFile) {
        JsonNode evidence = root.path("evidence");
        if (!EvidenceFingerprint.isFingerprint(evidence.path("fingerprint").asText(null))) {
            throw new ConfigException(verdictFile + ": no evidence fingerprint (key 'evidence.fingerprint'); it was written by a gate "
                    + "without fingerprints, or is not a verdict.json: run the gate again");
        }
        Path dir = verdictFile.toAbsolutePath().normalize().getParent();
        JsonNode req = evidence.path("request");
        Map<String, GateConfig.Lines> lines = new LinkedHashMap<>();
        req.path("lines").fields().forEachRemaining(e -> lines.put(e.getKey(), new GateConfig.Lines(text(e.getValue(), "go"),
                text(e.getValue(), "noGo"), text(e.getValue(), "rollback"))));
        Duration minDuration;
        try {
            minDuration = req.path("minDuration").isTextual() ? Duration.parse(req.path("minDuration").asText()) : null;
        } catch (DateTimeParseException e) {
            throw new ConfigException(verdictFile + ": key 'evidence.request.minDuration': an ISO duration like PT50S, got '"
                    + req.path("minDuration").asText() + "'");
        }
        String signOff = text(req, "signOffFile");
        String criteria = text(req, "criteriaFile");
        if (criteria == null) {
            throw new ConfigException(verdictFile + ": key 'evidence.request.criteriaFile' is missing");
        }
        Gate.Request request = new Gate.Request(paths(req.path("evidenceDirs"), dir), paths(req.path("allureResultsDirs"), dir),
                resolve(dir, criteria), signOff == null ? null : resolve(dir, signOff), dir, null, minDuration, lines,
                paths(req.path("baselineDirs"), dir));
        List<EvidenceFingerprint.Input> files = new ArrayList<>();
        for (JsonNode file : evidence.path("files")) {
            files.add(new EvidenceFingerprint.Input(file.path("kind").asText(), resolve(dir, file.path("path").asText()), file.path("sha256").asText()));
        }
        return new Recorded(evidence.path("fingerprint").asText(), request, files, text(evidence.path("signOffFile"), "sha256"));
    }

    /** {@code file} relative to {@code dir}, with forward slashes. */
    static String relative(Path file, Path dir) {
        Path from = dir.toAbsolutePath().normalize();
        Path to = file.toAbsolutePath().normalize();
        return (from.getRoot() != null && from.getRoot().equals(to.getRoot()) ? from.relativize(to) : to).toString().replace('\\', '/');
    }

    private static Path resolve(Path dir, String path) {
        return dir.resolve(path).normalize();
    }

    private static void paths(ArrayNode array, List<Path> paths, Path outDir) {
        paths.forEach(p -> array.add(relative(p, outDir)));
    }

    private static List<Path> paths(JsonNode array, Path dir) {
        List<Path> out = new ArrayList<>();
        array.forEach(node -> out.add(resolve(dir, node.asText())));
        return out;
    }

    private static String text(JsonNode node, String key) {
        JsonNode value = node.path(key);
        return value.isTextual() ? value.asText() : null;
    }
}
