package dev.greenlight.critical;

import dev.greenlight.evidence.Measurement;
import dev.greenlight.evidence.MeasurementBuilder;
import dev.greenlight.run.GreenlightExtension;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Records a journey's measurement from an extension, exactly as {@code EvidenceRecorder} does for a test.
 */
public final class JourneyEvidence {

    /** The criterion every critical-path journey serves. */
    public static final String CRITERION = "critical-features";

    private JourneyEvidence() {
    }

    public static Measurement record(ExtensionContext context, MeasurementBuilder measurement) {
        return GreenlightExtension.evidence(context).record(measurement);
    }

    /** Allure's full name of the journey: {@code package.Class.method}. */
    public static String source(ExtensionContext context) {
        return GreenlightExtension.source(context);
    }

    /** The journey's name as the reviewer reads it. */
    public static String journey(ExtensionContext context) {
        return context.getRequiredTestClass().getSimpleName() + " · " + context.getDisplayName();
    }
}
