package dev.greenlight.gate;

import java.util.Locale;

/** How the measurements of one criterion, from every interval, run and evidence directory, are combined. */
public enum Aggregate {
    /** Add events and samples (rates) or found and checked (counts). */
    SUM,
    /** Merge the HdrHistograms of every interval into one distribution. */
    MERGE,
    /** A mean weighted by each measurement's sample count, its spread pooled. */
    WEIGHTED_MEAN,
    /** The largest value seen. */
    MAX,
    /**
     * The latest measurement (by window end) of each run and name, e.g. the final memory trend of each soak day
     * rather than its checkpoints; each is judged on its own and the worst decides.
     */
    LAST,
    /** Every measurement judged on its own; the worst decides. */
    EACH;

    /** Shown in error messages. */
    public static final String EXPECTATION = "one of sum, merge, weighted-mean, max, last, each";

    /** As written in the criteria file. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Aggregate parse(String text) {
        for (Aggregate aggregate : values()) {
            if (aggregate.label().equals(text.strip().toLowerCase(Locale.ROOT))) {
                return aggregate;
            }
        }
        return null;
    }
}
