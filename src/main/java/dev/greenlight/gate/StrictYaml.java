package dev.greenlight.gate;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.greenlight.config.ConfigException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the gate's YAML files (criteria, sign-off) so that every mistake is one {@link ConfigException} naming
 * the file and the key: unknown keys, wrong types, missing values.
 */
final class StrictYaml {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final String file;

    private StrictYaml(String file) {
        this.file = file;
    }

    /** The file's top-level mapping. */
    static JsonNode read(Path path, String what) {
        String shown = path.toString();
        if (!Files.isRegularFile(path)) {
            throw new ConfigException(what + " " + shown + " does not exist");
        }
        try {
            JsonNode root = YAML.readTree(path.toFile());
            if (root == null || root.isMissingNode() || root.isNull()) {
                throw new ConfigException(shown + ": the file is empty");
            }
            if (!root.isObject()) {
                throw new ConfigException(shown + ": expected a mapping of keys at the top");
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new ConfigException(shown + (at == null ? "" : " line " + at.getLineNr() + ", column " + at.getColumnNr())
                    + ": not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException(what + " " + shown + " cannot be read: " + e.getMessage(), e);
        }
    }

    static StrictYaml of(Path path) {
        return new StrictYaml(path.toString());
    }

    ConfigException error(String key, String expectation) {
        return ConfigException.at(file, key, expectation);
    }

    /** Fails on any key of {@code node} not in {@code allowed}. */
    void onlyKeys(JsonNode node, String at, Set<String> allowed) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw error(at.isEmpty() ? name : at + "." + name, "unknown key; known keys here: " + String.join(", ", new TreeSet<>(allowed)));
            }
        }
    }

    /** A scalar as text; null when absent or null; fails for a list or mapping. */
    String text(JsonNode node, String key, String at) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isValueNode()) {
            throw error(at + key, "expected a single value, got a " + (value.isArray() ? "list" : "mapping"));
        }
        return value.asText();
    }

    String required(JsonNode node, String key, String at, String expectation) {
        String value = text(node, key, at);
        if (value == null || value.isBlank()) {
            throw error(at + key, "missing; expected " + expectation);
        }
        return value;
    }
}
