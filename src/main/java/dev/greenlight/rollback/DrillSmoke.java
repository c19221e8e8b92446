package dev.greenlight.rollback;

import dev.greenlight.config.AppConfig;
import dev.greenlight.config.Durations;
import dev.greenlight.config.SmokeConfig;
import dev.greenlight.config.TargetConfig;
import dev.greenlight.http.TargetHttp;
import dev.greenlight.smoke.JsonExpectations;
import io.restassured.response.Response;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;

/**
 * The smoke checks the drill runs against the rolled-back and the rolled-forward deployment, from the smoke toolkit:
 * health ok, database health ok, the expected version in the health payload, and every {@code smoke.endpoints}
 * check (status and JSON expectations). Each HTTP exchange shows as a step in the report. Latency budgets are shown,
 * not enforced: a deployment that has just started is cold, and latency is the smoke and soak suites' business.
 */
public final class DrillSmoke {

    private DrillSmoke() {
    }

    /**
     * What the checks found.
     *
     * @param problems one line per check that failed; empty when all passed
     * @param lines    one line per check, passed or not
     */
    public record Result(List<String> problems, List<String> lines) {
        public boolean passed() {
            return problems.isEmpty();
        }
    }

    /** Runs every check against the deployment, which must be running {@code version}. */
    public static Result run(TargetConfig config, TargetHttp http, String version) {
        List<String> problems = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        AppConfig.HealthConfig health = config.app().health();
        String field = config.app().version().healthField();
        check("GET " + health.path() + ": " + health.statusField() + " '" + health.okValue() + "', " + field + " '" + version + "'",
                problems, lines, () -> {
                    Response response = given(http.app()).get(health.path());
                    List<String> wrong = new ArrayList<>();
                    if (response.statusCode() != 200) {
                        wrong.add("status " + response.statusCode());
                    }
                    String status = response.jsonPath().getString(health.statusField());
                    if (!health.okValue().equals(status)) {
                        wrong.add(health.statusField() + " is '" + status + "'");
                    }
                    String reported = response.jsonPath().getString(field);
                    if (!version.equals(reported)) {
                        wrong.add(field + " is '" + reported + "'");
                    }
                    return Found.of(String.join(", ", wrong));
                });
        check("GET " + health.dbPath() + ": the application reaches its database", problems, lines, () -> {
            Response response = given(http.app()).get(health.dbPath());
            String status = response.statusCode() == 200 ? response.jsonPath().getString(health.statusField()) : null;
            return Found.of(response.statusCode() == 200 && health.okValue().equals(status) ? ""
                    : "status " + response.statusCode() + ", " + abbreviate(response.asString()));
        });
        for (SmokeConfig.EndpointCheck endpoint : config.smoke().endpoints()) {
            Duration budget = endpoint.budget() != null ? endpoint.budget() : config.smoke().budget();
            check(endpoint.method() + " " + endpoint.path() + " (" + endpoint.name() + ")", problems, lines, () -> {
                long start = System.nanoTime();
                Response response = given(endpoint.api() ? http.api() : http.app()).request(endpoint.method(), endpoint.path());
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                List<String> wrong = new ArrayList<>();
                if (!endpoint.status().contains(response.statusCode())) {
                    wrong.add("status " + response.statusCode() + " not in " + endpoint.status() + " (" + abbreviate(response.asString()) + ")");
                } else {
                    wrong.addAll(JsonExpectations.violations(response.asString(), endpoint.expect()));
                }
                String note = "answered in " + Durations.format(took) + (took.compareTo(budget) > 0
                        ? ", over its " + Durations.format(budget) + " budget (not enforced here)" : "");
                return new Found(String.join("; ", wrong), note);
            });
        }
        return new Result(List.copyOf(problems), List.copyOf(lines));
    }

    /** What one check found: a problem (empty when it passed) and a note for the report. */
    private record Found(String problem, String note) {
        static Found of(String problem) {
            return new Found(problem, "");
        }
    }

    private static void check(String name, List<String> problems, List<String> lines, Supplier<Found> body) {
        Found found;
        try {
            found = body.get();
        } catch (RuntimeException e) {
            found = Found.of("no answer: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + abbreviate(e.getMessage())));
        }
        String note = found.note().isEmpty() ? "" : " — " + found.note();
        if (found.problem().isEmpty()) {
            lines.add("ok      " + name + note);
        } else {
            lines.add("FAILED  " + name + " — " + found.problem() + note);
            problems.add(name + ": " + found.problem());
        }
    }

    private static String abbreviate(String text) {
        String flat = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }
}
