package dev.greenlight.soak.profile;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One kind of request in a soak mix, as written in {@code suites/soak.yaml}. In {@code path} and {@code body}:
 * {@code {tag}} is the run's data tag, {@code {seq}} a number unique in the run, {@code {pool:NAME}} a random
 * value captured earlier into pool NAME, {@code {take:NAME}} the same but removed from the pool (for deletes),
 * {@code {each:NAME}} (cleanup only) every value left in the pool.
 *
 * @param name    shown in reports, e.g. {@code GET /feed}
 * @param method  HTTP method, {@code GET} by default
 * @param path    relative to the API prefix, e.g. {@code /feed?take=10}
 * @param body    JSON body, or null
 * @param weight  relative frequency in the mix (ignored in setup and cleanup), 1 by default
 * @param capture values to keep from a 2xx JSON answer
 */
public record MixEntry(String name, String method, String path, String body, Integer weight, List<Capture> capture) {

    private static final Pattern POOL_REF = Pattern.compile("\\{(pool|take|each):([A-Za-z0-9_-]+)}");

    public MixEntry {
        method = method == null ? "GET" : method.toUpperCase(java.util.Locale.ROOT);
        weight = weight == null ? 1 : weight;
        capture = capture == null ? List.of() : List.copyOf(capture);
        name = name == null && path != null ? method + " " + path : name;
    }

    /** The pools this entry reads from ({@code pool:} or {@code take:}). */
    public List<String> pools() {
        List<String> pools = new java.util.ArrayList<>();
        for (String text : new String[] {path, body}) {
            if (text == null) {
                continue;
            }
            Matcher matcher = POOL_REF.matcher(text);
            while (matcher.find()) {
                pools.add(matcher.group(2));
            }
        }
        return pools;
    }

    /**
     * Keeps {@code field} of a JSON answer (of each element, when the answer is an array) in {@code pool}.
     *
     * @param pool  pool name
     * @param field JSON field, e.g. {@code id}
     */
    public record Capture(String pool, String field) {
    }
}
