package dev.greenlight.gate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Allure's {@code categories.json}: failures sorted by the criterion they hurt. Acceptance tests fail with messages
 * starting {@code [criterion: error-rate, latency-p95] } (the run extension adds it; a test may also put it in its
 * AssertJ description, which AssertJ wraps in brackets), and so do the gate's own results. The prefix is looked
 * for on the message's first line. Two more categories catch what is not the deployment's fault: a target that was not ready and a
 * configuration mistake; those are kept out of the criterion categories.
 */
public final class GateCategories {

    /** Category of failures caused by a target that did not come up. */
    public static final String TARGET_NOT_READY = "Target not ready";
    /** Category of failures caused by bad configuration. */
    public static final String CONFIGURATION = "Configuration";

    static final String TARGET_REGEX = "(?s).*(TargetNotReadyException|did not become ready|stopped before it became ready"
            + "|cannot start the application|embedded PostgreSQL did not start|could not be prepared).*";
    static final String CONFIGURATION_REGEX = "(?s).*(ConfigException|: key '|target file .* does not exist|not valid YAML).*";
    private static final String NOT_ENVIRONMENT = "(?!TargetNotReadyException|ConfigException)";
    private static final List<String> FAILURES = List.of("failed", "broken", "unknown");

    private GateCategories() {
    }

    /** The message pattern of failures serving {@code criterionId}. */
    static String regexFor(String criterionId) {
        String id = Pattern.quote(criterionId);
        return "(?s)(?:[^\\n]*?)\\[criterion: (?:[^\\]]*, )?" + id + "(?:, [^\\]]*)?\\] " + NOT_ENVIRONMENT + ".*";
    }

    public static String json(Criteria criteria) {
        ObjectMapper json = new ObjectMapper();
        ArrayNode categories = json.createArrayNode();
        add(categories, TARGET_NOT_READY, TARGET_REGEX);
        add(categories, CONFIGURATION, CONFIGURATION_REGEX);
        for (CriterionSpec spec : criteria.criteria()) {
            add(categories, spec.id() + " — " + spec.title(), regexFor(spec.id()));
        }
        return categories.toPrettyString();
    }

    private static void add(ArrayNode categories, String name, String regex) {
        ObjectNode category = categories.addObject().put("name", name).put("messageRegex", regex);
        FAILURES.forEach(category.putArray("matchedStatuses")::add);
    }
}
