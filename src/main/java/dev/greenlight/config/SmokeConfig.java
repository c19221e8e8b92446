package dev.greenlight.config;

import java.time.Duration;
import java.util.List;

/**
 * The smoke suite's declarative endpoint checks: what QA lists in the target file instead of writing code.
 *
 * @param endpoints checks run in order, each a test of its own in the report
 * @param budget    default latency budget of a check that states none
 * @param samples   requests per check; the budget holds for their median, so one cold first request (a JIT
 *                  still warming, a connection pool still opening) does not fail a healthy deployment
 */
public record SmokeConfig(List<EndpointCheck> endpoints, Duration budget, Integer samples) {

    public SmokeConfig {
        endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
        budget = budget == null ? Duration.ofSeconds(1) : budget;
        samples = samples == null ? 3 : samples;
        if (samples < 1) {
            throw new IllegalArgumentException("smoke.samples must be at least 1, got " + samples);
        }
    }

    /**
     * One request and what its answer must look like.
     *
     * @param name      what it proves, shown in the report ("feed lists published posts")
     * @param method    HTTP method, GET by default
     * @param path      path relative to {@code app.baseUrl}; {@code api: true} puts {@code app.apiPrefix} before it
     * @param api       whether the path is a REST API path (prefixed with {@code app.apiPrefix})
     * @param status    accepted status codes (e.g. [200, 201]); 200 by default
     * @param expect    JSON expectations on the body
     * @param budget    the latency budget; the smoke default when absent
     * @param criterion the criterion the check serves, {@code critical-features} by default
     */
    public record EndpointCheck(
            String name,
            String method,
            String path,
            Boolean api,
            List<Integer> status,
            List<JsonExpectation> expect,
            Duration budget,
            String criterion) {

        public EndpointCheck {
            method = method == null ? "GET" : method.toUpperCase(java.util.Locale.ROOT);
            api = api == null ? Boolean.TRUE : api;
            status = status == null || status.isEmpty() ? List.of(200) : List.copyOf(status);
            expect = expect == null ? List.of() : List.copyOf(expect);
            criterion = criterion == null ? "critical-features" : criterion;
            name = name == null ? method + " " + path : name;
        }
    }

    /**
     * One expectation on a JSON body, at a GPath expression ({@code status}, {@code size()}, {@code [0].id}).
     * Exactly one of the conditions is set.
     *
     * @param path    where in the body; {@code $} is the whole body
     * @param equals  the value, compared as text
     * @param exists  whether something must (true) or must not (false) be there
     * @param type    {@code array}, {@code object}, {@code string}, {@code number} or {@code boolean}
     * @param matches a regular expression the value, as text, must match
     * @param atLeast a number the value must be at least
     */
    public record JsonExpectation(String path, String equals, Boolean exists, String type, String matches, Double atLeast) {

        public JsonExpectation {
            path = path == null ? "$" : path;
        }
    }
}
