package dev.greenlight.gate;

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
 */
public record Criteria(String file, List<CriterionSpec> criteria, Duration minDurationOverride) {

    public Criteria {
        criteria = List.copyOf(criteria);
    }

    /** The criterion with this id. */
    public Optional<CriterionSpec> byId(String id) {
        return criteria.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** These criteria with every minimum observation replaced by {@code duration}. */
    public Criteria withMinDurationOverride(Duration duration) {
        return new Criteria(file, criteria, duration);
    }

    /** The minimum observation in force for {@code spec}: the override if set (and the spec asks for one). */
    public Duration minDurationOf(CriterionSpec spec) {
        return spec.minDuration() != null && minDurationOverride != null ? minDurationOverride : spec.minDuration();
    }
}
