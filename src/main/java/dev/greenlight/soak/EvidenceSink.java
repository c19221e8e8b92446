package dev.greenlight.soak;

import dev.greenlight.evidence.MeasurementBuilder;

/**
 * Where a soak run's measurements go: in a suite, the test's {@code EvidenceRecorder} (quietly for the many
 * interval measurements, attached for the final ones); in a baseline run, nowhere.
 */
@FunctionalInterface
public interface EvidenceSink {

    /** Discards everything: a baseline run serves no criterion of the candidate. */
    EvidenceSink NONE = (measurement, attach) -> {
    };

    /**
     * @param measurement what to record
     * @param attach      also show it on the test in the report
     */
    void record(MeasurementBuilder measurement, boolean attach);
}
