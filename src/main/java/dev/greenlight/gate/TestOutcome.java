package dev.greenlight.gate;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * One acceptance test result as Allure recorded it: what ran, how it ended, which criteria it serves and what it
 * attached. Read from {@code *-result.json} by {@link AllureResultsReader}.
 *
 * @param uuid        Allure's id of the result
 * @param name        display name
 * @param fullName    {@code package.Class.method}; measurements name it as their source
 * @param status      how it ended
 * @param message     the failure message (first line), empty when none
 * @param epic        the suite, e.g. {@code Smoke}; empty when unlabelled
 * @param criteria    values of its {@code criterion} labels
 * @param attachments its attachments, including those of its steps
 * @param file        the result file it was read from
 */
public record TestOutcome(String uuid, String name, String fullName, Status status, String message, String epic,
                          List<String> criteria, List<Attachment> attachments, Path file) {

    /** The epic of results the gate writes itself. */
    public static final String GATE_EPIC = "Go/No-Go";
    /** The epic of run bookkeeping results (setup), which are not tests. */
    public static final String RUN_EPIC = "Run";

    public TestOutcome {
        name = name == null ? "" : name;
        fullName = fullName == null ? name : fullName;
        message = message == null ? "" : message;
        epic = epic == null ? "" : epic;
        criteria = List.copyOf(criteria);
        attachments = List.copyOf(attachments);
    }

    /** Allure's statuses. */
    public enum Status {
        PASSED, FAILED, BROKEN, SKIPPED, UNKNOWN;

        static Status parse(String text) {
            if (text == null) {
                return UNKNOWN;
            }
            try {
                return valueOf(text.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return UNKNOWN;
            }
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * An attachment of a result.
     *
     * @param name   as shown in the report, e.g. {@code evidence · error-rate · GET /feed}
     * @param source file name inside the results directory
     * @param file   the attachment file itself
     */
    public record Attachment(String name, String source, Path file) {
    }

    /** A real acceptance test: neither the gate's own result nor run bookkeeping. */
    public boolean isAcceptanceTest() {
        return !epic.equals(GATE_EPIC) && !epic.equals(RUN_EPIC);
    }

    /** Failed, broken, or never finished: not a pass, not a skip. */
    public boolean isFailure() {
        return status == Status.FAILED || status == Status.BROKEN || status == Status.UNKNOWN;
    }

    public boolean serves(String criterion) {
        return criteria.contains(criterion);
    }
}
