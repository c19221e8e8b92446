package dev.greenlight.gate;

import dev.greenlight.evidence.Measurement;
import dev.greenlight.gate.CriterionSpec.Source;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The daily status update of the seed's communication plan (metrics summary, issues found, next steps), as a
 * section of {@code verdict.md}. Metrics are shown per UTC day, each day's evidence combined the same way as for
 * the verdict, so day 2 can be compared with day 1.
 */
final class DailyStatus {

    private DailyStatus() {
    }

    static void render(StringBuilder md, Verdict verdict) {
        md.append("## Daily status\n\n");
        metrics(md, verdict);
        md.append("### Issues found\n\n");
        List<String> issues = issues(verdict);
        if (issues.isEmpty()) {
            md.append("None.\n\n");
        } else {
            issues.forEach(issue -> md.append("- ").append(issue).append('\n'));
            md.append('\n');
        }
        md.append("### Next steps\n\n");
        nextSteps(verdict).forEach(step -> md.append("1. ").append(step).append('\n'));
        md.append('\n');
    }

    private static void metrics(StringBuilder md, Verdict verdict) {
        List<CriterionSpec> specs = verdict.inputs().criteria().criteria().stream()
                .filter(s -> s.source() == Source.EVIDENCE && switch (s.statistic().kind()) {
                    case RATE, MEAN, PERCENTILE, MAX -> true;
                    default -> false;
                }).toList();
        Map<LocalDate, List<Measurement>> byDay = new TreeMap<>(verdict.inputs().measurements().stream()
                .filter(m -> m.from() != null || m.to() != null)
                .collect(Collectors.groupingBy(m -> LocalDate.ofInstant(m.from() != null ? m.from() : m.to(), ZoneOffset.UTC))));
        md.append("### Metrics\n\n");
        if (byDay.isEmpty() || specs.isEmpty()) {
            md.append("No dated measurements.\n\n");
            return;
        }
        md.append("| Day (UTC) |");
        specs.forEach(s -> md.append(' ').append(Markdown.cell(s.title())).append(" |"));
        md.append("\n|---|");
        specs.forEach(s -> md.append("---|"));
        md.append('\n');
        byDay.forEach((day, measurements) -> {
            md.append("| ").append(day).append(" |");
            for (CriterionSpec spec : specs) {
                List<Measurement> own = measurements.stream().filter(m -> spec.evidence().contains(m.criterion())).toList();
                List<Estimate> estimates = own.isEmpty() ? List.of() : MeasurementEstimator.estimate(spec, own);
                if (estimates.isEmpty() || estimates.get(0).samples() == 0) {
                    md.append(" — |");
                } else {
                    Estimate e = estimates.get(0);
                    md.append(' ').append(Quantities.format(e.value(), e.unit(), spec.displayUnit(e.unit())))
                            .append(" <sub>(").append(Quantities.count(e.samples())).append(")</sub> |");
                }
            }
            md.append('\n');
        });
        md.append("\n<sub>(n) = samples that day. The verdict judges all days together, with intervals.</sub>\n\n");
    }

    private static List<String> issues(Verdict verdict) {
        List<String> issues = new ArrayList<>();
        verdict.inputs().incompleteness().forEach(reason -> issues.add("**Incomplete evidence**: " + reason));
        for (CriterionResult row : verdict.rows()) {
            if (row.status() != CriterionStatus.MET && row.status() != CriterionStatus.AWAITING && row.status() != CriterionStatus.OUT_OF_SCOPE) {
                issues.add("**" + row.id() + "** " + row.status().label() + ": " + row.reason());
            }
        }
        List<TestOutcome> failing = verdict.inputs().outcomes().stream().filter(t -> !t.epic().equals(TestOutcome.GATE_EPIC))
                .filter(TestOutcome::isFailure).toList();
        failing.stream().limit(20).forEach(t -> issues.add("Test " + t.status().label() + ": " + Markdown.code(t.fullName())
                + (t.message().isEmpty() ? "" : " — " + t.message())));
        if (failing.size() > 20) {
            issues.add("… and " + (failing.size() - 20) + " more failed or broken tests (see the Allure report)");
        }
        long skipped = verdict.inputs().acceptanceTests().stream().filter(t -> t.status() == TestOutcome.Status.SKIPPED).count();
        if (skipped > 0) {
            issues.add(skipped + " test(s) skipped (listed under tests-passing)");
        }
        verdict.inputs().unjudged().forEach((id, measurements) -> {
            measurements.stream().filter(m -> m.kind() == Measurement.Kind.CHECK && m.value() < 1).limit(10)
                    .forEach(m -> issues.add(Markdown.code(id) + ": " + m.name() + attributes(m)));
            issues.add(measurements.size() + " measurement(s) of " + Markdown.code(id)
                    + " are read by no criterion (shown here, not judged)");
        });
        if (!verdict.inputs().unreadable().isEmpty()) {
            issues.add(verdict.inputs().unreadable().size() + " evidence line(s) or result file(s) could not be read, e.g. "
                    + Markdown.code(verdict.inputs().unreadable().get(0)));
        }
        return issues;
    }

    private static String attributes(Measurement m) {
        return m.attributes().isEmpty() ? "" : " (" + new TreeMap<>(m.attributes()).entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")) + ")";
    }

    private static List<String> nextSteps(Verdict verdict) {
        List<String> steps = new ArrayList<>();
        switch (verdict.decision()) {
            case ROLLBACK -> {
                steps.add("Roll back now, following the rollback plan; notify the on-call team.");
                steps.add("Investigate " + String.join(", ", verdict.deciding()) + "; re-deploy and re-run the suites once fixed.");
            }
            case NO_GO -> {
                steps.add("Do not proceed to production.");
                steps.add("Fix what " + String.join(", ", verdict.deciding()) + " found, re-deploy to staging and run the gate again.");
            }
            case HOLD -> {
                steps.add("Extend the observation: keep the soak running and re-run the gate over all evidence directories.");
                for (CriterionResult row : verdict.rows()) {
                    if (row.status().contribution() == Decision.HOLD) {
                        steps.add(row.id() + ": " + holdStep(row));
                    }
                }
            }
            case GO -> {
                if (verdict.awaitingSignOff()) {
                    steps.add("Collect sign-off from " + verdict.inputs().signOff().awaiting().stream().map(SignOff.Entry::role)
                            .collect(Collectors.joining(", ")) + " in " + Markdown.code(signOffFile(verdict)) + ", then run the gate again.");
                }
                steps.add("Plan the production deployment.");
            }
        }
        return steps;
    }

    private static String holdStep(CriterionResult row) {
        return switch (row.status()) {
            case NO_EVIDENCE -> "no evidence yet; run the suites that record it";
            case NOT_RUN -> "fix what kept the harness from checking it, then run again: " + row.reason();
            case TOO_FEW -> "collect more: " + row.reason();
            case UNCERTAIN -> "collect more samples to narrow the interval";
            case NOT_MET -> "investigate why it misses its GO line";
            default -> "fix the criteria file or the suite so the evidence can be judged";
        };
    }

    private static String signOffFile(Verdict verdict) {
        String file = verdict.inputs().signOff().file();
        return file.isEmpty() ? "suites/signoff.yaml" : file;
    }
}
