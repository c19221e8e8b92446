package dev.greenlight.critical;

import dev.greenlight.evidence.EvidenceJson;
import dev.greenlight.evidence.Measurement;
import dev.greenlight.evidence.MeasurementBuilder;
import dev.greenlight.run.GreenlightExtension;
import io.qameta.allure.Allure;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Records a journey's measurement from an extension, as {@code EvidenceRecorder} does for a test: appended to the
 * run's evidence with the journey as its source, and attached to the journey in the report.
 */
public final class JourneyEvidence {

    /** The criterion every critical-path journey serves. */
    public static final String CRITERION = "critical-features";

    private JourneyEvidence() {
    }

    public static Measurement record(ExtensionContext context, MeasurementBuilder measurement) {
        Measurement stamped = GreenlightExtension.run(context).evidence().record(measurement.build(), source(context));
        try {
            Allure.addAttachment("evidence · " + stamped.criterion() + " · " + stamped.name(), "application/json",
                    EvidenceJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(stamped), ".json");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return stamped;
    }

    /** Allure's full name of the journey: {@code package.Class.method}. */
    public static String source(ExtensionContext context) {
        return context.getRequiredTestClass().getName() + context.getTestMethod().map(m -> "." + m.getName()).orElse("");
    }

    /** The journey's name as the reviewer reads it. */
    public static String journey(ExtensionContext context) {
        return context.getRequiredTestClass().getSimpleName() + " · " + context.getDisplayName();
    }
}
