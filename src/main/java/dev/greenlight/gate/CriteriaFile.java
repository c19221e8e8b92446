package dev.greenlight.gate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.config.ConfigException;
import dev.greenlight.config.Durations;
import dev.greenlight.gate.CriterionSpec.Source;
import dev.greenlight.gate.Statistic.Kind;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code suites/go-no-go.yaml} into {@link Criteria}. Every mistake is one {@link ConfigException} naming the
 * file, the key (e.g. {@code criteria[2].go}), the criterion and what was expected.
 */
public final class CriteriaFile {

    private static final Set<String> TOP_KEYS = Set.of("confidence", "criteria");
    private static final Set<String> KEYS = Set.of("id", "title", "priority", "source", "evidence", "statistic", "aggregate",
            "go", "noGo", "rollback", "minSamples", "minDuration", "confidence", "samples", "seed");
    private static final Map<Kind, List<Aggregate>> AGGREGATES = Map.of(
            Kind.RATE, List.of(Aggregate.SUM),
            Kind.MEAN, List.of(Aggregate.MERGE, Aggregate.WEIGHTED_MEAN),
            Kind.PERCENTILE, List.of(Aggregate.MERGE),
            Kind.MAX, List.of(Aggregate.MAX),
            Kind.VALUE, List.of(Aggregate.EACH, Aggregate.LAST),
            Kind.CHANGE, List.of(Aggregate.EACH, Aggregate.LAST),
            Kind.COUNT, List.of(Aggregate.SUM));

    private CriteriaFile() {
    }

    /** Reads and validates the criteria file. */
    public static Criteria load(Path path) {
        JsonNode root = StrictYaml.read(path, "criteria file");
        StrictYaml yaml = StrictYaml.of(path);
        yaml.onlyKeys(root, "", TOP_KEYS);
        double confidence = confidence(yaml, yaml.text(root, "confidence", ""), "confidence", 0.95);
        JsonNode list = root.get("criteria");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw yaml.error("criteria", "a list of criteria, each with id, title, priority, statistic and go");
        }
        List<CriterionSpec> specs = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            CriterionSpec spec = criterion(yaml, list.get(i), "criteria[" + i + "]", confidence);
            if (!ids.add(spec.id())) {
                throw yaml.error("criteria[" + i + "].id", "'" + spec.id() + "' is declared twice; ids must be unique");
            }
            specs.add(spec);
        }
        return new Criteria(path.toString(), specs, null);
    }

    private static CriterionSpec criterion(StrictYaml yaml, JsonNode node, String key, double defaultConfidence) {
        if (!node.isObject()) {
            throw yaml.error(key, "a mapping with id, title, priority, statistic and go");
        }
        String id = yaml.required(node, "id", key + ".", "an id like error-rate");
        if (!id.matches("[a-z0-9][a-z0-9-]*")) {
            throw yaml.error(key + ".id", "lower-case letters, digits and '-', e.g. error-rate, got '" + id + "'");
        }
        String at = key + " (" + id + ")";
        yaml.onlyKeys(node, at, KEYS);
        String prefix = at + ".";
        Priority priority = Priority.parse(yaml.required(node, "priority", prefix, "Critical, High or Medium"));
        if (priority == null) {
            throw yaml.error(prefix + "priority", "Critical, High or Medium, got '" + yaml.text(node, "priority", prefix) + "'");
        }
        Statistic statistic = Statistic.parse(yaml.required(node, "statistic", prefix, Statistic.EXPECTATION));
        if (statistic == null) {
            throw yaml.error(prefix + "statistic", Statistic.EXPECTATION + ", got '" + yaml.text(node, "statistic", prefix) + "'");
        }
        Source source = source(yaml, node, prefix, statistic);
        Aggregate aggregate = aggregate(yaml, node, prefix, statistic);
        Threshold go = threshold(yaml, node, "go", prefix);
        if (go == null && statistic.kind() != Kind.SIGN_OFF) {
            throw yaml.error(prefix + "go", "missing; expected " + Threshold.EXPECTATION);
        }
        String minSamplesText = yaml.text(node, "minSamples", prefix);
        long minSamples;
        try {
            minSamples = minSamplesText == null ? 1 : Long.parseLong(minSamplesText.strip().replace("_", ""));
        } catch (NumberFormatException e) {
            throw yaml.error(prefix + "minSamples", "a whole number >= 0, got '" + minSamplesText + "'");
        }
        if (minSamples < 0) {
            throw yaml.error(prefix + "minSamples", "a whole number >= 0, got " + minSamples);
        }
        return new CriterionSpec(id, yaml.required(node, "title", prefix, "a title for people, e.g. HTTP error rate"), priority,
                source, evidence(yaml, node, prefix), statistic, aggregate, go, threshold(yaml, node, "noGo", prefix),
                threshold(yaml, node, "rollback", prefix), minSamples, duration(yaml, node, prefix),
                confidence(yaml, yaml.text(node, "confidence", prefix), prefix + "confidence", defaultConfidence),
                yaml.text(node, "samples", prefix), yaml.text(node, "seed", prefix));
    }

    private static Source source(StrictYaml yaml, JsonNode node, String prefix, Statistic statistic) {
        String text = yaml.text(node, "source", prefix);
        Source source = switch (text == null ? "" : text.strip()) {
            case "" -> statistic.kind() == Kind.SIGN_OFF ? Source.SIGN_OFF
                    : statistic.kind() == Kind.PASS_RATE ? Source.TESTS : Source.EVIDENCE;
            case "evidence" -> Source.EVIDENCE;
            case "tests" -> Source.TESTS;
            case "sign-off" -> Source.SIGN_OFF;
            default -> throw yaml.error(prefix + "source", "one of evidence, tests, sign-off, got '" + text + "'");
        };
        boolean fits = switch (source) {
            case EVIDENCE -> statistic.kind() != Kind.PASS_RATE && statistic.kind() != Kind.SIGN_OFF;
            case TESTS -> statistic.kind() == Kind.PASS_RATE || statistic.kind() == Kind.COUNT;
            case SIGN_OFF -> statistic.kind() == Kind.SIGN_OFF;
        };
        if (!fits) {
            throw yaml.error(prefix + "statistic", "statistic '" + statistic.label() + "' cannot be computed from source '"
                    + source.label() + "' (tests give pass-rate or count; sign-off gives sign-off; evidence gives the rest)");
        }
        return source;
    }

    private static Aggregate aggregate(StrictYaml yaml, JsonNode node, String prefix, Statistic statistic) {
        List<Aggregate> allowed = AGGREGATES.getOrDefault(statistic.kind(), List.of());
        String text = yaml.text(node, "aggregate", prefix);
        if (text == null) {
            return allowed.isEmpty() ? null : allowed.get(0);
        }
        Aggregate aggregate = Aggregate.parse(text);
        if (aggregate == null) {
            throw yaml.error(prefix + "aggregate", Aggregate.EXPECTATION + ", got '" + text + "'");
        }
        if (!allowed.contains(aggregate)) {
            throw yaml.error(prefix + "aggregate", "statistic '" + statistic.label() + "' combines with "
                    + (allowed.isEmpty() ? "no aggregate (remove the key)" : String.join(" or ", allowed.stream().map(Aggregate::label).toList()))
                    + ", got '" + text + "'");
        }
        return aggregate;
    }

    private static Threshold threshold(StrictYaml yaml, JsonNode node, String key, String prefix) {
        String text = yaml.text(node, key, prefix);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Threshold.parse(text);
        } catch (IllegalArgumentException e) {
            throw yaml.error(prefix + key, e.getMessage() + " (quote it in YAML: \"< 1%\")");
        }
    }

    private static List<String> evidence(StrictYaml yaml, JsonNode node, String prefix) {
        JsonNode value = node.get("evidence");
        if (value == null || value.isNull()) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        if (value.isTextual()) {
            ids.add(value.asText());
        } else if (value.isArray()) {
            value.forEach(item -> ids.add(item.asText()));
        } else {
            throw yaml.error(prefix + "evidence", "a criterion id or a list of them, e.g. [latency-avg]");
        }
        return ids;
    }

    private static Duration duration(StrictYaml yaml, JsonNode node, String prefix) {
        String text = yaml.text(node, "minDuration", prefix);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw yaml.error(prefix + "minDuration", e.getMessage());
        }
    }

    private static double confidence(StrictYaml yaml, String text, String key, double fallback) {
        if (text == null) {
            return fallback;
        }
        try {
            double value = Double.parseDouble(text.strip());
            if (value >= 0.5 && value < 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw yaml.error(key, "a confidence level between 0.5 and 1, e.g. 0.95, got '" + text + "'");
    }
}
