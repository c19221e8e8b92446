package dev.greenlight.sample.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Matches a method and path to a route, telling 404 (no pattern matches) from 405 (wrong method). */
public final class Router {

    /** The outcome of a lookup: a route with its parameters, or the methods the path allows (empty: 404). */
    public record Resolution(Route route, Map<String, String> params, Set<String> allowed) {
        public boolean found() {
            return route != null;
        }
    }

    private final List<Route> routes = new ArrayList<>();

    public Router add(String method, String pattern, RouteKind kind, Handler handler) {
        routes.add(new Route(method, pattern, kind, handler));
        return this;
    }

    public Resolution resolve(String method, String rawPath) {
        List<String> segments = segments(rawPath);
        Set<String> allowed = new LinkedHashSet<>();
        for (Route route : routes) {
            Map<String, String> params = route.match(segments);
            if (params == null) {
                continue;
            }
            if (route.method().equals(method) || (method.equals("HEAD") && route.method().equals("GET"))) {
                return new Resolution(route, params, Set.of());
            }
            allowed.add(route.method());
        }
        return new Resolution(null, Map.of(), allowed);
    }

    /** Decoded path segments; a trailing slash is ignored, as Express does by default. */
    static List<String> segments(String rawPath) {
        List<String> segments = new ArrayList<>();
        for (String part : rawPath.split("/")) {
            if (!part.isEmpty()) {
                try {
                    segments.add(URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException malformed) {
                    segments.add(part);
                }
            }
        }
        return segments;
    }
}
