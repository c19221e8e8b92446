package dev.greenlight.run;

import dev.greenlight.evidence.EvidenceJson;
import dev.greenlight.evidence.EvidenceLog;
import dev.greenlight.evidence.Measurement;
import dev.greenlight.evidence.MeasurementBuilder;
import io.qameta.allure.Allure;

/**
 * How a test records evidence: each measurement is appended to the run's evidence (flushed at once) with this
 * test as its source, and shown on the test in the report as an attachment.
 */
public final class EvidenceRecorder {

    private final EvidenceLog log;
    private final String source;

    EvidenceRecorder(EvidenceLog log, String source) {
        this.log = log;
        this.source = source;
    }

    /** A recorder for {@code source} (Allure's full name of a test, {@code package.Class.method}) in this run. */
    public static EvidenceRecorder of(RunContext run, String source) {
        return new EvidenceRecorder(run.evidence(), source);
    }

    /** Records and attaches. */
    public Measurement record(MeasurementBuilder measurement) {
        Measurement stamped = log.record(measurement.build(), source);
        try {
            Allure.addAttachment("evidence · " + stamped.criterion() + " · " + stamped.name(), "application/json",
                    EvidenceJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(stamped), ".json");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return stamped;
    }

    /** Records without an attachment: for the many interval measurements of a long run. */
    public Measurement recordQuietly(MeasurementBuilder measurement) {
        return log.record(measurement.build(), source);
    }

    /** The test these measurements come from, as Allure's full name. */
    public String source() {
        return source;
    }
}
