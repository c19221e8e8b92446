package dev.greenlight.matrix;

import dev.greenlight.config.Durations;
import dev.greenlight.gate.CriterionResult;
import dev.greenlight.gate.Decision;
import dev.greenlight.testkit.MainJob;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The fault matrix as the README shows it: each row's expected and measured verdict, and what decided it. */
final class MatrixTable {

    private MatrixTable() {
    }

    static String render(Map<Row, MainJob.Result> results) {
        StringBuilder md = new StringBuilder("| sample app | suites run | expected verdict | measured verdict | deciding criterion"
                + " | measured by the gate | took | ok |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n");
        results.forEach((row, result) -> md.append("| ").append(row.name())
                .append(" | ").append(row.faults() == null ? "gate only (" + row.signOff().name().toLowerCase().replace('_', ' ') + ")"
                        : row.groups() == null ? "all" : row.groups().replace(" | ", ", "))
                .append(" | ").append(row.expected().text())
                .append(" | ").append(result.verdict().headline())
                .append(" | ").append(row.deciding() == null ? "—" : row.deciding())
                .append(" | ").append(row.deciding() == null ? decidedBy(result) : measured(result, row.deciding()))
                .append(" | ").append(Durations.format(result.took()))
                .append(" | ").append(row.problems(result.verdict()).isEmpty() ? "✅" : "❌ " + String.join("; ", row.problems(result.verdict())))
                .append(" |\n"));
        md.append("\nMeasured ").append(LocalDate.now(ZoneOffset.UTC)).append(" by `FaultMatrixTests` (`mvn verify`).\n");
        return md.toString();
    }

    private static String measured(MainJob.Result result, String criterion) {
        List<String> deciding = result.verdict().deciding();
        String others = result.verdict().decision() == Decision.HOLD || deciding.contains(criterion) || deciding.isEmpty()
                ? "" : "; the verdict decided by " + String.join(", ", deciding);
        return result.verdict().row(criterion).map(r -> r.status().label() + ": " + r.measuredText()
                + (r.estimate() != null && r.estimate().hasInterval() ? " [" + r.intervalText() + "]" : "")).orElse("—") + others;
    }

    private static String decidedBy(MainJob.Result result) {
        String notMet = result.verdict().rows().stream().filter(r -> r.status().contribution() != Decision.GO)
                .map(CriterionResult::id).collect(Collectors.joining(", "));
        return notMet.isEmpty() ? "every criterion met" : "not met: " + notMet;
    }
}
