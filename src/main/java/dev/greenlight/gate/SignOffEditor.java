package dev.greenlight.gate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.greenlight.config.ConfigException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Edits one role's entry of a sign-off file in place, line by line, so everything else — comments, blank lines,
 * key order, the other roles — stays as the team wrote it: a key that is there gets its value replaced (a comment
 * after it is kept), a key that is missing is added after the entry's last key. Values are written as quoted
 * strings. Entries must be block mappings (one key per line, as {@code suites/signoff.yaml} ships); a role written
 * as a one-line {@code {...}} mapping is refused with a message saying so.
 */
final class SignOffEditor {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ITEM = Pattern.compile("^(\\s*)-(\\s+)(.*)$");
    private static final Pattern KEY = Pattern.compile("^([A-Za-z][A-Za-z0-9_]*):(.*)$");

    private SignOffEditor() {
    }

    /**
     * {@code yaml} with {@code role}'s keys set to {@code values} (in that order when added).
     *
     * @param file for messages
     * @throws ConfigException when the file has no such role, or the role cannot be edited line by line
     */
    static String set(String yaml, String role, Map<String, String> values, String file) {
        String newline = yaml.contains("\r\n") ? "\r\n" : "\n";
        List<String> lines = new ArrayList<>(List.of(yaml.split("\r?\n", -1)));
        Entry entry = find(lines, role, file);
        for (Map.Entry<String, String> value : values.entrySet()) {
            String quoted = quote(value.getValue());
            Integer at = entry.keys.get(value.getKey());
            if (at == null) {
                int insertAt = entry.lastKeyLine + 1;
                lines.add(insertAt, " ".repeat(entry.keyIndent) + value.getKey() + ": " + quoted);
                entry.shift(insertAt, 1);
                entry.keys.put(value.getKey(), insertAt);
                entry.lastKeyLine = insertAt;
                continue;
            }
            String line = lines.get(at);
            int keyStart = at == entry.itemLine ? entry.keyIndent : line.indexOf(value.getKey());
            String rest = line.substring(keyStart + value.getKey().length() + 1);
            lines.set(at, line.substring(0, keyStart) + value.getKey() + ": " + quoted + trailingComment(rest));
            int continuation = continuationLines(lines, at, entry.keyIndent);
            for (int i = 0; i < continuation; i++) {
                lines.remove(at + 1);
            }
            entry.shift(at + 1, -continuation);
        }
        return String.join(newline, lines);
    }

    /** The roles the file lists, for a message naming the choices. */
    static List<String> roles(String yaml) {
        List<String> roles = new ArrayList<>();
        for (String line : yaml.split("\r?\n")) {
            Matcher item = ITEM.matcher(line);
            String content = item.matches() ? item.group(3) : line.strip();
            if (content.startsWith("role:")) {
                roles.add(scalar(content.substring("role:".length())));
            }
        }
        return roles;
    }

    /** Where one entry's keys are. */
    private static final class Entry {
        final int itemLine;
        final int keyIndent;
        final Map<String, Integer> keys = new LinkedHashMap<>();
        int lastKeyLine;

        Entry(int itemLine, int keyIndent) {
            this.itemLine = itemLine;
            this.keyIndent = keyIndent;
        }

        void shift(int from, int by) {
            keys.replaceAll((key, line) -> line >= from ? line + by : line);
            if (lastKeyLine >= from) {
                lastKeyLine += by;
            }
        }
    }

    private static Entry find(List<String> lines, String role, String file) {
        String wanted = role.strip().toLowerCase(Locale.ROOT);
        for (int i = 0; i < lines.size(); i++) {
            Matcher item = ITEM.matcher(lines.get(i));
            if (!item.matches()) {
                continue;
            }
            int itemIndent = item.group(1).length();
            Entry entry = new Entry(i, itemIndent + 1 + item.group(2).length());
            int end = blockEnd(lines, i, itemIndent);
            for (int j = i; j < end; j++) {
                String content = j == i ? item.group(3) : lines.get(j).length() > entry.keyIndent
                        && lines.get(j).substring(0, entry.keyIndent).isBlank() && !Character.isWhitespace(lines.get(j).charAt(entry.keyIndent))
                        ? lines.get(j).substring(entry.keyIndent) : null;
                Matcher key = content == null ? null : KEY.matcher(content);
                if (key != null && key.matches()) {
                    entry.keys.putIfAbsent(key.group(1), j);
                    entry.lastKeyLine = j + continuationLines(lines, j, entry.keyIndent);
                }
            }
            Integer roleLine = entry.keys.get("role");
            boolean flow = item.group(3).startsWith("{") && item.group(3).toLowerCase(Locale.ROOT).matches(".*\\brole:\\s*['\"]?"
                    + Pattern.quote(wanted) + "['\"]?\\s*[,}].*");
            if (flow) {
                throw new ConfigException(file + ": the entry of role '" + role.strip() + "' is a one-line {...} mapping; write it one key per "
                        + "line (as suites/signoff.yaml ships) to sign with greenlight signoff, or edit it by hand");
            }
            if (roleLine != null && roleValue(lines.get(roleLine)).toLowerCase(Locale.ROOT).equals(wanted)) {
                return entry;
            }
        }
        throw new ConfigException("unknown role '" + role.strip() + "' in " + file + "; its roles: "
                + String.join(", ", roles(String.join("\n", lines))));
    }

    private static String roleValue(String line) {
        return scalar(line.substring(line.indexOf("role:") + "role:".length()));
    }

    /** The first line after the item at {@code start} that is neither blank, a comment, nor indented past the item. */
    private static int blockEnd(List<String> lines, int start, int itemIndent) {
        for (int j = start + 1; j < lines.size(); j++) {
            String line = lines.get(j);
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            if (indent(line) <= itemIndent) {
                return j;
            }
        }
        return lines.size();
    }

    /** Lines after {@code at} indented past the key (a block scalar's or a folded value's), not counting trailing blanks. */
    private static int continuationLines(List<String> lines, int at, int keyIndent) {
        int count = 0;
        for (int j = at + 1; j < lines.size(); j++) {
            String line = lines.get(j);
            if (!line.isBlank() && indent(line) <= keyIndent) {
                break;
            }
            if (!line.isBlank()) {
                count = j - at;
            }
        }
        return count;
    }

    private static int indent(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /** The comment after a value ({@code   # who signs}), or empty. */
    static String trailingComment(String rest) {
        String value = rest.stripLeading();
        int end;
        if (value.startsWith("\"")) {
            end = 1;
            while (end < value.length() && value.charAt(end) != '"') {
                end += value.charAt(end) == '\\' ? 2 : 1;
            }
            end++;
        } else if (value.startsWith("'")) {
            end = value.indexOf('\'', 1);
            while (end > 0 && end + 1 < value.length() && value.charAt(end + 1) == '\'') {
                end = value.indexOf('\'', end + 2);
            }
            end = end < 0 ? value.length() : end + 1;
        } else {
            int hash = (" " + value).indexOf(" #");
            end = hash < 0 ? value.length() : hash;
        }
        String after = end >= value.length() ? "" : value.substring(end);
        return after.strip().startsWith("#") ? "  " + after.strip() : "";
    }

    /** A plain or quoted scalar's text, its comment left off. */
    private static String scalar(String rest) {
        String value = rest.strip();
        String comment = trailingComment(value);
        if (!comment.isEmpty()) {
            value = value.substring(0, value.lastIndexOf(comment.strip())).strip();
        }
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
            value = value.substring(1, value.length() - 1);
        }
        return value.strip();
    }

    /** A YAML double-quoted scalar: JSON's string escapes are YAML's. */
    private static String quote(String value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
