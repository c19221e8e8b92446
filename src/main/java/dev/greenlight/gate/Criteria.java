package dev.greenlight.gate;

import dev.greenlight.config.ConfigException;
import dev.greenlight.config.GateConfig;

import java.util.LinkedHashMap;
import java.util.Map;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The criteria file read: every criterion in order, and where it came from.
 *
 * @param file                the file as named by the user, for reports
 * @param criteria            in file order
 * @param minDurationOverride when set, the minimum observation of every criterion that asks for one (for demos and
 *                            short local runs); the verdict states the override next to what the file asks
 * @param linesOverridden     criteria whose lines a target changed, with the lines the file asks, for the report
 */
public record Criteria(String file, List<CriterionSpec> criteria, Duration minDurationOverride, Map<String, String> linesOverridden) {

    public Criteria {
        criteria = List.copyOf(criteria);
        linesOverridden = linesOverridden == null ? Map.of() : Map.copyOf(linesOverridden);
    }

    public Criteria(String file, List<CriterionSpec> criteria, Duration minDurationOverride) {
        this(file, criteria, minDurationOverride, Map.of());
    }

    /**
     * These criteria with {@code id}'s lines replaced where {@code lines} sets them (a target judged differently);
     * the lines the file asks are kept in {@link #linesOverridden()} for the report.
     *
     * @param source where the new lines come from, for messages ({@code suites/targets/local.yaml gate.lines.memory})
     */
    public Criteria withLines(String id, GateConfig.Lines lines, String source) {
        CriterionSpec old = byId(id).orElseThrow(() -> new ConfigException(source + ": no criterion '" + id + "' in " + file
                + "; known: " + criteria.stream().map(CriterionSpec::id).toList()));
        CriterionSpec changed = new CriterionSpec(old.id(), old.title(), old.priority(), old.source(), old.evidence(), old.statistic(),
                old.aggregate(), line(lines.go(), old.go(), source + ".go"), line(lines.noGo(), old.noGo(), source + ".noGo"),
                line(lines.rollback(), old.rollback(), source + ".rollback"), old.minSamples(), old.minDuration(), old.confidence(),
                old.samplesName(), old.seed());
        List<CriterionSpec> all = criteria.stream().map(c -> c.id().equals(id) ? changed : c).toList();
        Map<String, String> notes = new LinkedHashMap<>(linesOverridden);
        notes.put(id, VerdictMarkdown.lines(old));
        return new Criteria(file, all, minDurationOverride, notes);
    }

    private static Threshold line(String text, Threshold old, String key) {
        if (text == null || text.isBlank()) {
            return old;
        }
        try {
            return Threshold.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key + ": " + e.getMessage());
        }
    }

    /** The criterion with this id. */
    public Optional<CriterionSpec> byId(String id) {
        return criteria.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** These criteria with every minimum observation replaced by {@code duration}. */
    public Criteria withMinDurationOverride(Duration duration) {
        return new Criteria(file, criteria, duration, linesOverridden);
    }

    /** The minimum observation in force for {@code spec}: the override if set (and the spec asks for one). */
    public Duration minDurationOf(CriterionSpec spec) {
        return spec.minDuration() != null && minDurationOverride != null ? minDurationOverride : spec.minDuration();
    }
}
