package dev.greenlight.gate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.config.ConfigException;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code suites/signoff.yaml}: one entry per role with name, decision (GO, CONCERNS or NO-GO; empty while
 * pending), date, note and the evidence fingerprint the decision was made on ({@code evidence: sha256:<64 hex>}, written
 * by {@code greenlight signoff}; optional, an entry without it is stale). Every mistake is one {@link ConfigException} naming the file and the key.
 */
public final class SignOffFile {

    private static final Set<String> TOP_KEYS = Set.of("release", "roles");
    private static final Set<String> KEYS = Set.of("role", "responsibility", "required", "name", "decision", "date", "note", "evidence");

    private SignOffFile() {
    }

    public static SignOff load(Path path) {
        JsonNode root = StrictYaml.read(path, "sign-off file");
        StrictYaml yaml = StrictYaml.of(path);
        yaml.onlyKeys(root, "", TOP_KEYS);
        JsonNode list = root.get("roles");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw yaml.error("roles", "a list of roles, each with role, name, decision, date and note");
        }
        List<SignOff.Entry> entries = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            String key = "roles[" + i + "]";
            JsonNode node = list.get(i);
            if (!node.isObject()) {
                throw yaml.error(key, "a mapping with role, name, decision, date and note");
            }
            yaml.onlyKeys(node, key, KEYS);
            String prefix = key + ".";
            String role = yaml.required(node, "role", prefix, "a role, e.g. Tech Lead");
            Integer earlier = seen.put(role.strip().toLowerCase(java.util.Locale.ROOT), i);
            if (earlier != null) {
                throw yaml.error(prefix + "role", "'" + role + "' is already listed at roles[" + earlier + "]; keep one entry per role");
            }
            SignOff.Decision decision = decision(yaml, node, prefix);
            String name = yaml.text(node, "name", prefix);
            if (decision != null && (name == null || name.isBlank())) {
                throw yaml.error(prefix + "name", "missing; a decision needs the name of who made it");
            }
            entries.add(new SignOff.Entry(role.strip(), yaml.text(node, "responsibility", prefix), required(yaml, node, prefix),
                    name, decision, date(yaml, node, prefix), yaml.text(node, "note", prefix), evidence(yaml, node, prefix)));
        }
        return new SignOff(path.toString(), yaml.text(root, "release", ""), entries);
    }

    private static boolean required(StrictYaml yaml, JsonNode node, String prefix) {
        String text = yaml.text(node, "required", prefix);
        if (text == null || text.equals("true")) {
            return true;
        }
        if (text.equals("false")) {
            return false;
        }
        throw yaml.error(prefix + "required", "true or false, got '" + text + "'");
    }

    private static SignOff.Decision decision(StrictYaml yaml, JsonNode node, String prefix) {
        String text = yaml.text(node, "decision", prefix);
        if (text == null || text.isBlank()) {
            return null;
        }
        SignOff.Decision decision = SignOff.Decision.parse(text);
        if (decision == null) {
            throw yaml.error(prefix + "decision", "GO, CONCERNS or NO-GO (empty while pending), got '" + text + "'");
        }
        return decision;
    }

    private static String evidence(StrictYaml yaml, JsonNode node, String prefix) {
        String text = yaml.text(node, "evidence", prefix);
        if (text == null || text.isBlank()) {
            return "";
        }
        if (!EvidenceFingerprint.isFingerprint(text.strip())) {
            throw yaml.error(prefix + "evidence", "an evidence fingerprint like sha256:<64 hex digits> (verdict.md shows it), got '" + text + "'");
        }
        return text.strip();
    }

    private static LocalDate date(StrictYaml yaml, JsonNode node, String prefix) {
        String text = yaml.text(node, "date", prefix);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw yaml.error(prefix + "date", "a date like 2024-11-29, got '" + text + "'");
        }
    }
}
