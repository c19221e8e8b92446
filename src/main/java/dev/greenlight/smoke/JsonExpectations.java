package dev.greenlight.smoke;

import dev.greenlight.config.SmokeConfig.JsonExpectation;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.exception.JsonPathException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a JSON body against the declarative expectations of a target file's endpoint checks and says, for
 * each one that does not hold, what was expected and what was there. Paths are REST Assured GPath
 * ({@code status}, {@code [0].id}, {@code size()}); {@code $} is the whole body.
 */
public final class JsonExpectations {

    private JsonExpectations() {
    }

    /** The expectations that do not hold, in words; empty when all hold. */
    public static List<String> violations(String body, List<JsonExpectation> expectations) {
        List<String> problems = new ArrayList<>();
        if (expectations.isEmpty()) {
            return problems;
        }
        JsonPath json;
        try {
            json = JsonPath.from(body);
            json.get("$");
        } catch (JsonPathException | IllegalArgumentException e) {
            problems.add("the body is not JSON: " + abbreviate(body));
            return problems;
        }
        for (JsonExpectation expectation : expectations) {
            Object value;
            try {
                value = "$".equals(expectation.path()) ? json.get("$") : json.get(expectation.path());
            } catch (RuntimeException e) {
                problems.add(expectation.path() + ": cannot be evaluated (" + e.getMessage() + ")");
                continue;
            }
            String problem = check(expectation, value);
            if (problem != null) {
                problems.add(expectation.path() + ": " + problem);
            }
        }
        return problems;
    }

    private static String check(JsonExpectation expectation, Object value) {
        if (expectation.exists() != null) {
            boolean present = value != null;
            return present == expectation.exists() ? null
                    : expectation.exists() ? "expected to be present, but is missing" : "expected to be absent, but is " + abbreviate(String.valueOf(value));
        }
        if (expectation.type() != null) {
            String actual = typeOf(value);
            return expectation.type().equals(actual) ? null : "expected " + expectation.type() + ", got " + actual;
        }
        if (expectation.equals() != null) {
            return expectation.equals().equals(String.valueOf(value)) ? null
                    : "expected '" + expectation.equals() + "', got '" + abbreviate(String.valueOf(value)) + "'";
        }
        if (expectation.matches() != null) {
            return value != null && Pattern.compile(expectation.matches()).matcher(String.valueOf(value)).find() ? null
                    : "expected to match /" + expectation.matches() + "/, got '" + abbreviate(String.valueOf(value)) + "'";
        }
        if (expectation.atLeast() != null) {
            if (!(value instanceof Number number)) {
                return "expected a number of at least " + expectation.atLeast() + ", got " + typeOf(value);
            }
            return number.doubleValue() >= expectation.atLeast() ? null
                    : "expected at least " + format(expectation.atLeast()) + ", got " + number;
        }
        return "has no condition";
    }

    private static String typeOf(Object value) {
        if (value == null) {
            return "nothing (null or missing)";
        }
        if (value instanceof List<?>) {
            return "array";
        }
        if (value instanceof Map<?, ?>) {
            return "object";
        }
        if (value instanceof Number) {
            return "number";
        }
        if (value instanceof Boolean) {
            return "boolean";
        }
        return "string";
    }

    private static String format(double number) {
        return number == Math.rint(number) ? String.valueOf((long) number) : String.valueOf(number);
    }

    private static String abbreviate(String text) {
        String flat = text == null ? "null" : text.replaceAll("\\s+", " ").strip();
        return flat.length() > 120 ? flat.substring(0, 120) + "…" : flat;
    }
}
