package dev.greenlight.soak.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A path or body with placeholders, parsed once: {@code {tag}}, {@code {seq}}, {@code {pool:NAME}},
 * {@code {take:NAME}} and {@code {each:NAME}}. Anything else in braces (JSON) is kept as written.
 */
final class Template {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(tag|seq|(?:pool|take|each):[A-Za-z0-9_-]+)}");

    /** One piece: literal text, or a placeholder. */
    record Part(String literal, String kind, String pool) {
    }

    private final List<Part> parts;
    private final boolean constant;

    private Template(List<Part> parts) {
        this.parts = parts;
        this.constant = parts.stream().allMatch(part -> part.literal() != null);
    }

    static Template parse(String text) {
        List<Part> parts = new ArrayList<>();
        if (text == null) {
            return new Template(parts);
        }
        Matcher matcher = PLACEHOLDER.matcher(text);
        int at = 0;
        while (matcher.find()) {
            if (matcher.start() > at) {
                parts.add(new Part(text.substring(at, matcher.start()), null, null));
            }
            String token = matcher.group(1);
            int colon = token.indexOf(':');
            parts.add(colon < 0 ? new Part(null, token, null) : new Part(null, token.substring(0, colon), token.substring(colon + 1)));
            at = matcher.end();
        }
        if (at < text.length()) {
            parts.add(new Part(text.substring(at), null, null));
        }
        return new Template(parts);
    }

    boolean constant() {
        return constant;
    }

    List<Part> parts() {
        return parts;
    }

    /** The text with {@code values} standing in for the placeholders, by their {@code kind:pool} or kind. */
    String render(Map<String, String> values) {
        StringBuilder out = new StringBuilder();
        for (Part part : parts) {
            if (part.literal() != null) {
                out.append(part.literal());
            } else {
                String key = part.pool() == null ? part.kind() : part.kind() + ":" + part.pool();
                out.append(values.getOrDefault(key, ""));
            }
        }
        return out.toString();
    }
}
