package dev.greenlight.gate;

import dev.greenlight.config.Durations;
import dev.greenlight.evidence.Measurement;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The section of {@code verdict.md} for one criterion: the reason, the lines, the measurement and what stands behind it. */
final class CriterionDetails {

    private static final int LISTED = 8;

    private CriterionDetails() {
    }

    /** Appends the section; {@code outDir} is where links are relative to, or null for no links (the Allure description). */
    static void render(StringBuilder md, CriterionResult row, GateInputs in, Path outDir) {
        CriterionSpec spec = row.spec();
        md.append("### ").append(Markdown.icon(row.status())).append(' ').append(spec.id()).append(" — ").append(spec.title())
                .append("\n\n");
        md.append("**").append(row.status().label()).append("** (").append(row.status().contribution().label()).append("): ")
                .append(row.reason()).append(".\n\n");
        List<String> facts = new ArrayList<>();
        String needs = "priority " + spec.priority().label() + "; " + VerdictMarkdown.lines(spec);
        if (spec.minSamples() > 0 && spec.source() != CriterionSpec.Source.SIGN_OFF) {
            needs += "; GO needs at least " + Quantities.count(spec.minSamples()) + " " + spec.samplesName();
        }
        if (row.minDuration() != null) {
            needs += " over at least " + Durations.format(row.minDuration())
                    + (spec.minDuration() != null && !spec.minDuration().equals(row.minDuration())
                    ? " (lowered from " + Durations.format(spec.minDuration()) + ")" : "");
        }
        String fileLines = in.criteria().linesOverridden().get(spec.id());
        if (fileLines != null) {
            needs += " (this target's lines; the criteria file asks " + fileLines + ")";
        }
        facts.add("**Lines**: " + needs + (spec.seed().isEmpty() ? "" : " — seed: _" + spec.seed() + "_"));
        row.scope().forEach(statement -> facts.add("**Left out**: " + statement));
        Estimate e = row.estimate();
        if (e != null) {
            facts.add("**Measured**: " + row.measuredText() + (e.hasInterval() ? ", interval " + row.intervalText() : "")
                    + (spec.source() == CriterionSpec.Source.SIGN_OFF ? "" : " — " + row.samplesText())
                    + (e.observed().isZero() ? "" : " over " + Durations.format(e.observed())));
            facts.add("**How**: " + e.method());
            e.blockers().forEach(b -> facts.add("**Blocks GO**: " + b));
            e.notes().stream().limit(LISTED).forEach(n -> facts.add("Note: " + n));
            if (e.notes().size() > LISTED) {
                facts.add("… and " + (e.notes().size() - LISTED) + " more notes in verdict.json");
            }
            if (!e.used().isEmpty()) {
                facts.add("**Evidence**: " + evidence(e.used(), in, outDir));
            }
        }
        if (!row.tests().isEmpty()) {
            facts.add("**Tests behind it**: " + row.tests().stream().limit(LISTED)
                    .map(t -> Markdown.icon(t.status()) + " " + t.name() + " (" + Markdown.code(shortName(t.fullName())) + ") " + t.status().label()
                            + (t.message().isEmpty() || t.status() == TestOutcome.Status.PASSED ? "" : " — " + t.message()))
                    .collect(Collectors.joining("; "))
                    + (row.tests().size() > LISTED ? "; … " + (row.tests().size() - LISTED) + " more" : ""));
        }
        if (!row.attachments().isEmpty()) {
            facts.add("**Attachments**: " + row.attachments().stream().limit(LISTED)
                    .map(a -> outDir == null ? Markdown.code(a.name()) : Markdown.link(a.name(), a.file(), outDir))
                    .collect(Collectors.joining(", "))
                    + (row.attachments().size() > LISTED ? ", … " + (row.attachments().size() - LISTED) + " more" : ""));
        }
        for (String fact : facts) {
            md.append("- ").append(fact.replace("\n", " ")).append('\n');
        }
        md.append('\n');
    }

    /** {@code SmokeTests.shouldAnswer} from {@code dev.greenlight.acceptance.smoke.SmokeTests.shouldAnswer}. */
    static String shortName(String fullName) {
        int method = fullName.lastIndexOf('.');
        int type = method > 0 ? fullName.lastIndexOf('.', method - 1) : -1;
        return type >= 0 ? fullName.substring(type + 1) : fullName;
    }

    private static String evidence(List<Measurement> used, GateInputs in, Path outDir) {
        Map<String, Long> perRun = new TreeMap<>(used.stream().collect(Collectors.groupingBy(
                m -> m.runId() == null ? "(no run id)" : m.runId(), Collectors.counting())));
        List<String> parts = new ArrayList<>();
        perRun.forEach((runId, count) -> parts.add(count + " measurement(s) from run "
                + VerdictMarkdown.evidenceFile(in, runId).filter(file -> outDir != null).map(file -> Markdown.link(runId, file, outDir))
                .orElse(Markdown.code(runId))));
        return String.join(", ", parts);
    }
}
