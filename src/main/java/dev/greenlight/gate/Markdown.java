package dev.greenlight.gate;

import java.nio.file.Path;

/** Small pieces of Markdown the verdict is written with: escaped table cells, relative links, status icons. */
final class Markdown {

    private Markdown() {
    }

    /** Text safe inside a table cell: pipes escaped, line breaks flattened. */
    static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\r", "").replace("\n", " ");
    }

    /** Inline code, safe for names with backticks. */
    static String code(String text) {
        return text.contains("`") ? "`` " + text + " ``" : "`" + text + "`";
    }

    /** A link to {@code file} relative to {@code from}, so the report works when the reports folder is moved. */
    static String link(String label, Path file, Path from) {
        String target;
        try {
            target = from.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
        } catch (IllegalArgumentException e) {
            target = file.toAbsolutePath().toString();
        }
        return "[" + label.replace("[", "(").replace("]", ")") + "](" + target.replace(" ", "%20") + ")";
    }

    static String icon(Decision decision) {
        return switch (decision) {
            case GO -> "✅";
            case HOLD -> "⏸️";
            case NO_GO -> "⛔";
            case ROLLBACK -> "⏪";
        };
    }

    static String icon(CriterionStatus status) {
        return switch (status) {
            case MET -> "✅";
            case AWAITING -> "✍️";
            case OUT_OF_SCOPE -> "➖";
            case NO_GO -> "⛔";
            case ROLLBACK -> "⏪";
            default -> "⏸️";
        };
    }

    static String icon(TestOutcome.Status status) {
        return switch (status) {
            case PASSED -> "✅";
            case SKIPPED -> "➖";
            default -> "❌";
        };
    }
}
