package dev.greenlight.gate;

import dev.greenlight.config.Durations;
import dev.greenlight.evidence.Measurement;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code verdict.md}: the verdict for a reviewer who never saw the code. The decision first, then a row per
 * criterion, the reasons with the tests and attachments behind them, the sign-off sheet and the daily status.
 */
public final class VerdictMarkdown {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private static final String VERDICT_JSON_HINT = "reports/verdict/verdict.json";

    private VerdictMarkdown() {
    }

    /** The Markdown of {@code verdict}; links are relative to {@code outDir}, where the file goes. */
    public static String render(Verdict verdict, Path outDir) {
        StringBuilder md = new StringBuilder();
        GateInputs in = verdict.inputs();
        md.append("# Go/No-Go verdict: ").append(Markdown.icon(verdict.decision())).append(' ').append(verdict.headline()).append("\n\n");
        md.append(lead(verdict)).append("\n\n");
        if (verdict.incomplete()) {
            md.append("> ⚠️ **Evidence INCOMPLETE.** ").append(String.join("; ", in.incompleteness()))
                    .append(". Incomplete evidence can show a NO-GO or ROLLBACK, never a GO.\n\n");
        }
        if (in.criteria().minDurationOverride() != null) {
            md.append("> ℹ️ Minimum observation lowered to **").append(Durations.format(in.criteria().minDurationOverride()))
                    .append("** for this verdict (the criteria file asks more; see each criterion).\n\n");
        }
        in.criteria().linesOverridden().forEach((id, fileLines) -> md.append("> ℹ️ **").append(id)
                .append("** is judged against this target's own lines (`gate.lines` in its target file); the criteria file asks ")
                .append(fileLines).append(".\n\n"));
        summary(md, verdict);
        md.append("## Criteria\n\n");
        md.append("| | Criterion | Priority | Lines | Measured | Interval | Samples | Status |\n");
        md.append("|---|---|---|---|---|---|---|---|\n");
        for (CriterionResult row : verdict.rows()) {
            md.append("| ").append(Markdown.icon(row.status())).append(" | **").append(row.id()).append("**<br>")
                    .append(Markdown.cell(row.spec().title())).append(" | ").append(row.spec().priority().label()).append(" | ")
                    .append(Markdown.cell(lines(row.spec()))).append(" | ")
                    .append(Markdown.cell(row.measuredText())).append(" | ")
                    .append(Markdown.cell(row.intervalText())).append(" | ")
                    .append(Markdown.cell(row.samplesText())).append(" | ")
                    .append(row.status().label())
                    .append(row.scope().isEmpty() ? "" : "<br>" + Markdown.cell(String.join("; ", row.scope()))).append(" |\n");
        }
        md.append("\n");
        md.append("## Why, criterion by criterion\n\n");
        for (CriterionResult row : verdict.rows()) {
            CriterionDetails.render(md, row, in, outDir);
        }
        signOff(md, in.signOff());
        DailyStatus.render(md, verdict);
        md.append("## How to read this\n\n")
                .append("- **Decision rules**: ROLLBACK if any criterion is past its ROLLBACK line; else NO-GO if any is past its NO-GO line; ")
                .append("else GO if every criterion met its GO line with enough evidence and every run finished; else HOLD — extend the observation.\n")
                .append("- **Intervals**: a measured rate or latency is judged with its confidence interval. GO needs the whole interval on the good ")
                .append("side of the line, NO-GO and ROLLBACK the whole interval on the bad side. An interval across a line, too few samples, ")
                .append("too short an observation or no evidence gives HOLD — never a silent pass. Counts and test results are a census and are judged as counted.\n")
                .append("- **Statuses**: ✅ met · ✍️ awaiting sign-off · ➖ out of scope (declared by the target file) · ⏸️ uncertain / too little evidence / no evidence / not run / not met (HOLD) · ⛔ NO-GO · ⏪ ROLLBACK.\n")
                .append("- **Not run** means the harness could not check (no browser, a probe without rights): the criterion is held, never blamed on the application; the fix is named.\n")
                .append("- **Exit codes** of the gate: 0 GO, 10 GO awaiting sign-off, 20 HOLD, 30 NO-GO, 40 ROLLBACK, 2 bad input; ")
                .append("`gate --verify`: 0 verified, 3 the evidence or the verdict changed.\n")
                .append("- Machine-readable twin: `verdict.json` next to this file; printable one-page summary: `verdict.pdf` (and `verdict.html`). Generated ").append(TIME.format(verdict.generatedAt()))
                .append(" from ").append(Markdown.code(in.criteria().file())).append(".\n");
        return md.toString();
    }

    /** The decision and why, in one sentence (Markdown bold around the headline). */
    static String lead(Verdict verdict) {
        String deciding = verdict.deciding().stream().map(id -> "**" + id + "**").collect(Collectors.joining(", "));
        return switch (verdict.decision()) {
            case GO -> verdict.awaitingSignOff()
                    ? "**GO — awaiting sign-off.** Every criterion met its GO line with enough evidence; production waits for "
                    + verdict.inputs().signOff().awaitingText() + " to sign."
                    : "**GO.** Every criterion met its GO line with enough evidence, and every required role signed GO.";
            case HOLD -> "**HOLD — extend the observation.** Not yet enough evidence for GO"
                    + (deciding.isEmpty() ? "" : "; still open: " + deciding) + ". Nothing is past a NO-GO or ROLLBACK line.";
            case NO_GO -> "**NO-GO — do not proceed to production.** Decided by " + deciding + ".";
            case ROLLBACK -> "**ROLLBACK — roll back now** (follow the rollback plan). Decided by " + deciding + ".";
        };
    }

    private static void summary(StringBuilder md, Verdict verdict) {
        GateInputs in = verdict.inputs();
        md.append("| | |\n|---|---|\n");
        md.append("| **Decision** | ").append(verdict.headline()).append(" (exit code ").append(verdict.exitCode()).append(") |\n");
        for (String reason : verdict.reasons()) {
            md.append("| **Why** | ").append(Markdown.cell(reason)).append(" |\n");
        }
        List<String> runs = in.runs().stream().map(r -> Markdown.code(r.runId()) + " (" + r.target() + ", "
                + (r.complete() ? "finished" : "**cut short**") + ")").toList();
        md.append("| **Evidence** | ").append(runs.isEmpty() ? "no run found" : runs.size() + " run(s): " + String.join(", ", runs))
                .append("; ").append(Quantities.count(in.measurements().size())).append(" measurements")
                .append(in.duplicates() > 0 ? " (" + in.duplicates() + " duplicate lines counted once)" : "")
                .append(in.unreadable().isEmpty() ? "" : "; **" + in.unreadable().size() + " unreadable line(s)**").append(" |\n");
        window(in).ifPresent(w -> md.append("| **Observed** | ").append(w).append(" |\n"));
        md.append("| **Tests** | ").append(tests(in)).append(" |\n");
        md.append("| **Sign-off** | ").append(signOffLine(in.signOff())).append(" |\n");
        if (in.fingerprint() != null) {
            md.append("| **Evidence fingerprint** | ").append(Markdown.code(in.fingerprint().value())).append(" over ")
                    .append(in.fingerprint().files().size()).append(" files and the gate settings; check with `greenlight gate --verify ")
                    .append(VERDICT_JSON_HINT).append("` |\n");
        }
        md.append("| **Inputs** | evidence ").append(in.evidenceDirs().stream().map(Markdown::code).collect(Collectors.joining(", ")))
                .append("; test results ").append(in.allureDirs().isEmpty() ? "none" : in.allureDirs().stream().map(Markdown::code)
                        .collect(Collectors.joining(", ")))
                .append("; criteria ").append(Markdown.code(in.criteria().file())).append(" |\n\n");
    }

    private static java.util.Optional<String> window(GateInputs in) {
        return in.measurements().stream().map(Measurement::from).filter(java.util.Objects::nonNull).min(java.util.Comparator.naturalOrder())
                .flatMap(first -> in.measurements().stream().map(Measurement::to).filter(java.util.Objects::nonNull)
                        .max(java.util.Comparator.naturalOrder())
                        .map(last -> TIME.format(first) + " → " + TIME.format(last) + " ("
                                + Durations.format(java.time.Duration.between(first, last)) + ")"));
    }

    static String tests(GateInputs in) {
        List<TestOutcome> tests = in.acceptanceTests();
        long passed = tests.stream().filter(t -> t.status() == TestOutcome.Status.PASSED).count();
        long skipped = tests.stream().filter(t -> t.status() == TestOutcome.Status.SKIPPED).count();
        long failed = tests.stream().filter(t -> t.status() == TestOutcome.Status.FAILED).count();
        long broken = tests.stream().filter(t -> t.status() == TestOutcome.Status.BROKEN || t.status() == TestOutcome.Status.UNKNOWN).count();
        long ran = passed + failed + broken;
        if (ran == 0) {
            return "no acceptance test results" + (skipped > 0 ? " (" + skipped + " skipped)" : "");
        }
        return passed + " of " + ran + " passed (" + Quantities.format((double) passed / ran, "ratio", "%") + "); " + failed
                + " failed, " + broken + " broken; " + skipped + " skipped (not counted)";
    }

    private static String signOffLine(SignOff signOff) {
        long required = signOff.roles().stream().filter(SignOff.Entry::required).count();
        long approved = signOff.approvals().stream().filter(SignOff.Entry::required).count();
        String line = approved + " of " + required + " required role(s) signed GO";
        if (!signOff.objections().isEmpty()) {
            line += "; **objections from " + signOff.objections().stream().map(SignOff.Entry::role).collect(Collectors.joining(", ")) + "**";
        }
        if (!signOff.awaiting().isEmpty()) {
            line += "; awaiting " + signOff.awaiting().stream().map(SignOff.Entry::role).collect(Collectors.joining(", "));
        }
        if (!signOff.staleEntries().isEmpty()) {
            line += "; **stale: " + signOff.staleEntries().stream().map(SignOff.Entry::role).collect(Collectors.joining(", "))
                    + "** (decided on other evidence; not counted as GO)";
        }
        return line;
    }

    static String lines(CriterionSpec spec) {
        List<String> parts = new ArrayList<>();
        if (spec.go() != null) {
            parts.add("GO " + spec.go().text());
        }
        if (spec.noGo() != null) {
            parts.add("NO-GO " + spec.noGo().text());
        }
        if (spec.rollback() != null) {
            parts.add("ROLLBACK " + spec.rollback().text());
        }
        return parts.isEmpty() ? "every required role signs GO; any concern is NO-GO" : String.join(" · ", parts);
    }

    private static void signOff(StringBuilder md, SignOff signOff) {
        md.append("## Sign-off\n\n");
        if (!signOff.release().isBlank()) {
            md.append("For: **").append(signOff.release()).append("**. ");
        }
        md.append(signOff.file().isEmpty() ? "No sign-off file was given: every role is pending.\n\n"
                : "From " + Markdown.code(signOff.file()) + ". A role signs on this evidence with `greenlight signoff --role \"<role>\" "
                + "--decision GO|CONCERNS|NO-GO --name \"<name>\" --note \"...\"`, which writes the entry with today's date and this "
                + "verdict's evidence fingerprint; by hand, fill in name, decision, date, note and `evidence: " + signOff.evidence() + "`. "
                + "A decision given on other evidence is **stale**: a stale GO does not count, a stale CONCERNS or NO-GO still objects.\n\n");
        md.append("| Role | Responsibility | Required | Name | Decision | Date | Evidence | Note |\n|---|---|---|---|---|---|---|---|\n");
        for (SignOff.Entry r : signOff.roles()) {
            md.append("| **").append(Markdown.cell(r.role())).append("** | ").append(Markdown.cell(r.responsibility())).append(" | ")
                    .append(r.required() ? "yes" : "no").append(" | ").append(Markdown.cell(r.name())).append(" | ")
                    .append(r.decision() == null ? "_pending_" : (r.decision() == SignOff.Decision.GO ? "✅ " : "⛔ ") + r.decision().label())
                    .append(" | ").append(r.date() == null ? "" : r.date().toString()).append(" | ")
                    .append(r.pending() ? "" : signOff.stale(r) ? "⚠️ **stale**: " + Markdown.cell(signOff.staleness(r)) : "this evidence")
                    .append(" | ").append(Markdown.cell(r.note())).append(" |\n");
        }
        md.append("\n");
    }

    /** The evidence file of {@code runId} under one of the evidence directories, if it is there. */
    static java.util.Optional<Path> evidenceFile(GateInputs in, String runId) {
        for (String dir : in.evidenceDirs()) {
            Path root = Path.of(dir);
            for (Path candidate : List.of(root.resolve(runId).resolve("measurements.jsonl"), root.resolve("measurements.jsonl"))) {
                if (Files.isRegularFile(candidate) && (candidate.getParent().getFileName().toString().equals(runId))) {
                    return java.util.Optional.of(candidate);
                }
            }
        }
        return java.util.Optional.empty();
    }
}
