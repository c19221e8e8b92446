package dev.greenlight.gate;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * One go/no-go criterion as declared in {@code suites/go-no-go.yaml}: what it reads, how it combines and
 * computes it, and the lines it holds the result against. Data, not code: nothing here knows the app.
 *
 * @param id          stable id, also the measurement {@code criterion} field and the Allure {@code criterion} label
 * @param title       for people: "HTTP error rate"
 * @param priority    the seed's priority; sets the Allure severity
 * @param source      where the evidence comes from
 * @param evidence    measurement criterion ids (or, for tests, {@code criterion} label values) it reads
 * @param statistic   what is computed
 * @param aggregate   how measurements are combined; null where the statistic has no choice
 * @param go          the GO line; null only for sign-off
 * @param noGo        the NO-GO line, if any
 * @param rollback    the ROLLBACK line, if any
 * @param minSamples  the fewest samples (requests, queries, tests...) GO may stand on
 * @param minDuration the shortest observation GO may stand on (union of measurement windows); null for none
 * @param confidence  confidence level of the intervals, e.g. 0.95
 * @param samplesName what one sample is, for reports: "requests"
 * @param seed        the seed's own words for this criterion, for reports; may be empty
 */
public record CriterionSpec(
        String id,
        String title,
        Priority priority,
        Source source,
        List<String> evidence,
        Statistic statistic,
        Aggregate aggregate,
        Threshold go,
        Threshold noGo,
        Threshold rollback,
        long minSamples,
        Duration minDuration,
        double confidence,
        String samplesName,
        String seed) {

    /** Where a criterion's evidence comes from. */
    public enum Source {
        /** Measurement lines of the evidence directories. */
        EVIDENCE,
        /** Acceptance test results in the Allure results directories. */
        TESTS,
        /** The sign-off file. */
        SIGN_OFF;

        /** As written in the criteria file. */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public CriterionSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(statistic, "statistic");
        title = title == null ? id : title;
        evidence = evidence == null || evidence.isEmpty() ? List.of(id) : List.copyOf(evidence);
        samplesName = samplesName == null || samplesName.isBlank() ? "samples" : samplesName;
        seed = seed == null ? "" : seed;
    }

    /** The lines from worst to best: rollback, no-go, go (those that are set). */
    public List<Threshold> lines() {
        return Stream.of(rollback, noGo, go).filter(Objects::nonNull).toList();
    }

    /** The unit results are shown in: that of the first line written with one, else the measurement's. */
    public String displayUnit(String measurementUnit) {
        return Stream.of(go, noGo, rollback).filter(Objects::nonNull).map(Threshold::unit).filter(u -> !u.isEmpty())
                .findFirst().orElse(measurementUnit);
    }
}
