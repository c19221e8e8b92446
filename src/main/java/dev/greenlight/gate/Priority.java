package dev.greenlight.gate;

import java.util.Locale;

/**
 * A criterion's priority, as the seed's metrics table gives it, and the Allure severity it maps to. Every
 * criterion gates the release, so the mapping sits one step above Allure's default: nothing is minor.
 * Suites labelling their own tests should use {@link #allureSeverity()} so the report agrees with the gate.
 */
public enum Priority {
    /** Blocks production on its own: Allure {@code blocker}. */
    CRITICAL("Critical", "blocker"),
    /** Must hold for production: Allure {@code critical}. */
    HIGH("High", "critical"),
    /** Watched; still part of the GO conditions: Allure {@code normal}. */
    MEDIUM("Medium", "normal");

    private final String label;
    private final String severity;

    Priority(String label, String severity) {
        this.label = label;
        this.severity = severity;
    }

    /** As written in the criteria file and the report: {@code Critical}, {@code High}, {@code Medium}. */
    public String label() {
        return label;
    }

    /** The Allure severity label value. */
    public String allureSeverity() {
        return severity;
    }

    /** Reads {@code Critical}, {@code high} ...; null when the text is none of them. */
    static Priority parse(String text) {
        for (Priority priority : values()) {
            if (priority.label.equalsIgnoreCase(text.strip()) || priority.name().equals(text.strip().toUpperCase(Locale.ROOT))) {
                return priority;
            }
        }
        return null;
    }
}
