package dev.greenlight.sample.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** One parsed request: method, path, path parameters, first value of each query parameter, headers, body. */
public final class Request {

    private final String method;
    private final String path;
    private final Map<String, String> params;
    private final Map<String, String> query;
    private final Map<String, String> headers;
    private final byte[] body;

    public Request(String method, String path, Map<String, String> params, String rawQuery,
            Map<String, String> headers, byte[] body) {
        this.method = method;
        this.path = path;
        this.params = Map.copyOf(params);
        this.query = Collections.unmodifiableMap(parseUrlEncoded(rawQuery));
        this.headers = headers;
        this.body = body;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    /** A path parameter such as {@code id} of {@code /post/:id}. */
    public String param(String name) {
        return params.get(name);
    }

    /** The first value of a query parameter. */
    public Optional<String> query(String name) {
        return Optional.ofNullable(query.get(name));
    }

    /** A request header, case-insensitive. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(java.util.Locale.ROOT)));
    }

    public byte[] body() {
        return body.clone();
    }

    /** The body as {@code application/x-www-form-urlencoded} fields (first value of each). */
    public Map<String, String> form() {
        return parseUrlEncoded(new String(body, StandardCharsets.UTF_8));
    }

    /** A cookie value from the Cookie header. */
    public Optional<String> cookie(String name) {
        return header("cookie").flatMap(header -> {
            for (String pair : header.split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).trim().equals(name)) {
                    try {
                        return Optional.of(URLDecoder.decode(pair.substring(eq + 1).trim(), StandardCharsets.UTF_8));
                    } catch (IllegalArgumentException malformed) {
                        return Optional.empty();
                    }
                }
            }
            return Optional.empty();
        });
    }

    static Map<String, String> parseUrlEncoded(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return values;
        }
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                values.putIfAbsent(key, value);
            } catch (IllegalArgumentException e) {
                throw ApiError.badRequest("Malformed URL encoding in '" + pair + "'");
            }
        }
        return values;
    }
}
