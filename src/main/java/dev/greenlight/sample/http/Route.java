package dev.greenlight.sample.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One route: method, Express-style pattern ({@code /post/:id}), kind and handler. The pattern is also
 * the {@code route} label of {@code http_request_duration_seconds}.
 */
public record Route(String method, String pattern, RouteKind kind, Handler handler) {

    /** The path parameters if the (normalized) path matches, else {@code null}. */
    Map<String, String> match(List<String> segments) {
        List<String> parts = Router.segments(pattern);
        if (parts.size() != segments.size()) {
            return null;
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i);
            if (part.startsWith(":")) {
                params.put(part.substring(1), segments.get(i));
            } else if (!part.equals(segments.get(i))) {
                return null;
            }
        }
        return params;
    }
}
