package dev.greenlight.gate;

import dev.greenlight.config.Durations;
import dev.greenlight.evidence.Measurement;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * {@code verdict.html}: the one-page decision summary a reviewer prints, signs and carries — the decision and why,
 * the criteria table, the soak's latency, error-rate and memory charts (inlined as data URIs, so the page stands on
 * its own), the rollback drill's times, the migration findings, the sign-off sheet with stale marks, and the
 * evidence fingerprint. XHTML with print CSS for an A4 page; {@link VerdictPdf} renders the same page to PDF.
 */
final class VerdictPage {

    /** A soak chart shown: found by the start of its attachment name ({@code SoakCharts} titles), with a caption. */
    private record Chart(String namePrefix, String caption) {
    }

    private static final List<Chart> CHARTS = List.of(new Chart("Latency", "Latency p50 / p95 / p99 (ms)"),
            new Chart("Throughput", "Throughput (req/s) and error rate (%)"), new Chart("Memory", "Memory (MB) with fitted trend"));

    /** How the footer names the fingerprinted files, by kind. */
    private static final Map<String, String> KINDS = Map.of("run", "run manifest(s)", "measurements", "measurement file(s)",
            "allure-result", "test result(s)", "attachment", "attachment(s)", "criteria", "criteria file", "baseline", "baseline file(s)");

    private VerdictPage() {
    }

    static String render(Verdict verdict) {
        GateInputs in = verdict.inputs();
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head><meta charset=\"utf-8\"/>")
                .append("<title>Go/No-Go: ").append(esc(verdict.headline())).append("</title><style>").append(CSS).append("</style></head><body>");
        h.append("<table class=\"top\"><tr><td><div class=\"kicker\">Go/No-Go decision</div><div class=\"release\">")
                .append(esc(in.signOff().release().isBlank() ? "Release decision" : in.signOff().release())).append("</div></td>")
                .append("<td class=\"right\">generated ").append(esc(VerdictMarkdown.TIME.format(verdict.generatedAt()))).append("<br/>")
                .append(esc(runs(in))).append("</td></tr></table>");
        h.append("<div class=\"banner ").append(tone(verdict)).append("\"><div class=\"headline\">").append(esc(verdict.headline()))
                .append(" <span class=\"exit\">exit code ").append(verdict.exitCode()).append("</span></div><div class=\"why\">")
                .append(esc(why(verdict))).append("</div></div>");
        notes(h, verdict);
        criteria(h, verdict);
        charts(h, in);
        h.append("<table class=\"pair\"><tr><td class=\"half\">");
        findings(h, "Rollback drill", in, List.of("rollback-drill"), verdict, "no rollback drill in this run");
        h.append("</td><td class=\"half\">");
        findings(h, "Migrations and data", in, List.of("migrations", "data-integrity"), verdict, "no migration checks in this run");
        h.append("</td></tr></table>");
        signOff(h, in.signOff());
        evidence(h, in);
        h.append("<table class=\"sign\"><tr><td>Release manager</td><td>Signature</td><td>Date</td></tr></table>");
        return h.append("</body></html>\n").toString();
    }

    private static void notes(StringBuilder h, Verdict verdict) {
        GateInputs in = verdict.inputs();
        StringBuilder notes = new StringBuilder();
        if (verdict.incomplete()) {
            notes.append("<li class=\"warn\">Evidence INCOMPLETE: ").append(esc(String.join("; ", in.incompleteness()))).append("</li>");
        }
        if (in.criteria().minDurationOverride() != null) {
            notes.append("<li>Minimum observation lowered to ").append(esc(Durations.format(in.criteria().minDurationOverride())))
                    .append(" by the target (the criteria file asks more).</li>");
        }
        in.criteria().linesOverridden().forEach((id, fileLines) -> notes.append("<li>").append(esc(id))
                .append(" judged against the target's own lines; the criteria file asks ").append(esc(fileLines)).append(".</li>"));
        if (!notes.isEmpty()) {
            h.append("<ul class=\"notes\">").append(notes).append("</ul>");
        }
    }

    private static void criteria(StringBuilder h, Verdict verdict) {
        h.append("<h2>Criteria</h2><table class=\"grid criteria\"><thead><tr><th class=\"c1\">Criterion</th><th class=\"c2\">Lines</th>")
                .append("<th class=\"c3\">Measured</th><th class=\"c4\">Interval</th><th class=\"c5\">Samples</th><th class=\"c6\">Status</th>")
                .append("</tr></thead><tbody>");
        for (CriterionResult row : verdict.rows()) {
            h.append("<tr><td><b>").append(esc(row.id())).append("</b> <span class=\"sub\">").append(esc(row.spec().title()))
                    .append("</span></td><td class=\"lines\">").append(esc(VerdictMarkdown.lines(row.spec())))
                    .append("</td><td class=\"num\">").append(esc(row.measuredText())).append("</td><td class=\"num\">").append(esc(row.intervalText()))
                    .append("</td><td class=\"num\">").append(esc(row.samplesText())).append("</td><td><span class=\"pill ")
                    .append(tone(row.status().contribution(), row.status() == CriterionStatus.AWAITING)).append("\">")
                    .append(esc(row.status().label())).append("</span></td></tr>");
            if (!row.scope().isEmpty()) {
                h.append("<tr><td></td><td colspan=\"5\" class=\"sub\">left out: ").append(esc(String.join("; ", row.scope()))).append("</td></tr>");
            }
        }
        h.append("</tbody></table>");
    }

    private static void charts(StringBuilder h, GateInputs in) {
        h.append("<h2>Soak</h2>");
        List<TestOutcome.Attachment> pngs = in.acceptanceTests().stream().flatMap(t -> t.attachments().stream())
                .filter(a -> a.source().endsWith(".png") && Files.isRegularFile(a.file())).toList();
        StringBuilder cells = new StringBuilder();
        for (Chart chart : CHARTS) {
            Optional<TestOutcome.Attachment> found = pngs.stream().filter(a -> a.name().startsWith(chart.namePrefix())).findFirst();
            if (found.isPresent()) {
                cells.append("<td class=\"chart\"><img src=\"data:image/png;base64,").append(base64(found.get())).append("\" alt=\"")
                        .append(esc(found.get().name())).append("\"/><div class=\"caption\">").append(esc(chart.caption())).append("</div></td>");
            }
        }
        if (cells.isEmpty()) {
            h.append("<p class=\"none\">no soak in this run</p>");
        } else {
            h.append("<table class=\"charts\"><tr>").append(cells).append("</tr></table>");
        }
    }

    private static void findings(StringBuilder h, String title, GateInputs in, List<String> criteria, Verdict verdict, String none) {
        h.append("<h2>").append(esc(title));
        for (String id : criteria) {
            verdict.row(id).ifPresent(row -> h.append(" <span class=\"pill ").append(tone(row.status().contribution(), false)).append("\">")
                    .append(esc(id)).append(": ").append(esc(row.status().label())).append("</span>"));
        }
        h.append("</h2>");
        List<Measurement> found = in.measurements().stream().filter(m -> criteria.contains(m.criterion())).toList();
        if (found.isEmpty()) {
            h.append("<p class=\"none\">").append(esc(none)).append("</p>");
            return;
        }
        h.append("<table class=\"grid small\"><tbody>");
        found.stream().limit(9).forEach(m -> h.append("<tr><td>").append(esc(m.name())).append("</td><td class=\"num\">").append(esc(value(m)))
                .append(m.attributes().containsKey("target") ? " <span class=\"sub\">(target " + esc(m.attributes().get("target")) + ")</span>" : "")
                .append("</td></tr>"));
        if (found.size() > 9) {
            h.append("<tr><td colspan=\"2\" class=\"sub\">and ").append(found.size() - 9).append(" more in verdict.md</td></tr>");
        }
        h.append("</tbody></table>");
    }

    private static void signOff(StringBuilder h, SignOff signOff) {
        h.append("<h2>Sign-off</h2><table class=\"grid\"><thead><tr><th>Role</th><th>Name</th><th>Decision</th><th>Date</th>")
                .append("<th>On this evidence</th><th>Note</th></tr></thead><tbody>");
        for (SignOff.Entry r : signOff.roles()) {
            boolean stale = signOff.stale(r);
            h.append("<tr><td><b>").append(esc(r.role())).append("</b>").append(r.required() ? "" : " <span class=\"sub\">(optional)</span>")
                    .append("</td><td>").append(esc(r.name())).append("</td><td>")
                    .append(r.pending() ? "<span class=\"sub\">pending</span>" : "<span class=\"pill " + (r.decision() == SignOff.Decision.GO
                            ? stale ? "amber" : "green" : "red") + "\">" + esc(r.decision().label()) + "</span>")
                    .append("</td><td>").append(r.date() == null ? "" : esc(r.date().toString())).append("</td><td>")
                    .append(r.pending() ? "" : stale ? "<span class=\"pill amber\">STALE</span> <span class=\"sub\">" + esc(signOff.staleness(r))
                            + "</span>" : "yes")
                    .append("</td><td>").append(esc(r.note())).append("</td></tr>");
        }
        h.append("</tbody></table>");
    }

    private static void evidence(StringBuilder h, GateInputs in) {
        h.append("<div class=\"evidence\"><b>Evidence fingerprint</b> ");
        if (in.fingerprint() == null) {
            h.append("none (the inputs were not read from files)</div>");
            return;
        }
        Map<String, Long> kinds = new TreeMap<>(in.fingerprint().files().stream()
                .collect(Collectors.groupingBy(EvidenceFingerprint.Input::kind, Collectors.counting())));
        h.append("<span class=\"mono\">").append(esc(in.fingerprint().value())).append("</span><br/>over ")
                .append(esc(kinds.entrySet().stream().map(e -> e.getValue() + " " + KINDS.getOrDefault(e.getKey(), e.getKey()))
                        .collect(Collectors.joining(", "))))
                .append(" and the gate settings (minimum observation, target lines); not the sign-off sheet. Check it: <span class=\"mono\">greenlight gate --verify reports/verdict/verdict.json</span>. ")
                .append("Sign on it: <span class=\"mono\">greenlight signoff --role \"…\" --decision GO|CONCERNS|NO-GO --name \"…\"</span>.</div>");
    }

    /** The lead sentence without a bold start that only repeats the headline ("GO — awaiting sign-off."). */
    static String why(Verdict verdict) {
        String lead = VerdictMarkdown.lead(verdict);
        String repeated = "**" + verdict.headline() + ".**";
        return (lead.startsWith(repeated) ? lead.substring(repeated.length()) : lead).replace("**", "").strip();
    }

    private static String runs(GateInputs in) {
        return in.runs().isEmpty() ? "no run found" : in.runs().size() == 1 ? "run " + in.runs().get(0).runId() + " (" + in.runs().get(0).target() + ")"
                : in.runs().size() + " runs: " + in.runs().stream().map(r -> r.runId()).collect(Collectors.joining(", "));
    }

    private static String value(Measurement m) {
        return switch (m.kind()) {
            case CHECK -> m.value() >= 1 ? "passed" : "FAILED";
            case COUNT -> Quantities.count(Math.round(m.value())) + " of " + Quantities.count(m.samples());
            case RATE -> Quantities.format(m.value(), "ratio", "%");
            default -> Quantities.format(m.value(), m.unit(), m.unit());
        };
    }

    private static String tone(Verdict verdict) {
        return tone(verdict.decision(), verdict.awaitingSignOff());
    }

    private static String tone(Decision decision, boolean awaiting) {
        return switch (decision) {
            case GO -> awaiting ? "amber" : "green";
            case HOLD -> "grey";
            case NO_GO -> "red";
            case ROLLBACK -> "purple";
        };
    }

    private static String base64(TestOutcome.Attachment attachment) {
        try {
            return Base64.getEncoder().encodeToString(Files.readAllBytes(attachment.file()));
        } catch (IOException e) {
            return "";
        }
    }

    /** Text safe in XHTML content and attributes. */
    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static final String CSS = """
            @page { size: A4; margin: 9mm 10mm; }
            body { font-family: 'DejaVu Sans', 'Liberation Sans', Arial, sans-serif; font-size: 6.9pt; line-height: 1.22; color: #1d2329; margin: 0; }
            table { border-collapse: collapse; width: 100%; }
            .top td { vertical-align: bottom; padding: 0 0 3pt 0; }
            .top .right { text-align: right; color: #5f6b76; font-size: 6.8pt; }
            .kicker { text-transform: uppercase; letter-spacing: 1pt; font-size: 6.5pt; color: #5f6b76; font-weight: bold; }
            .release { font-size: 11pt; font-weight: bold; }
            .banner { padding: 5pt 8pt; border-radius: 3pt; color: #fff; margin-bottom: 4pt; }
            .banner .headline { font-size: 17pt; font-weight: bold; }
            .banner .exit { font-size: 7pt; font-weight: normal; opacity: 0.85; }
            .banner .why { font-size: 8.4pt; margin-top: 2pt; }
            .banner.green { background: #1f7a3f; } .banner.amber { background: #a35f00; } .banner.grey { background: #55616c; }
            .banner.red { background: #b3261e; } .banner.purple { background: #5e2b8a; }
            ul.notes { margin: 0 0 3pt 0; padding-left: 12pt; color: #3c4650; }
            ul.notes li.warn { color: #b3261e; font-weight: bold; }
            h2 { font-size: 8.6pt; margin: 5pt 0 2pt 0; padding-bottom: 1pt; border-bottom: 0.7pt solid #c9d1d8; }
            .grid th { text-align: left; font-size: 6.4pt; text-transform: uppercase; color: #5f6b76; border-bottom: 0.7pt solid #9aa5af; padding: 1.5pt 3pt; }
            .grid td { border-bottom: 0.4pt solid #e1e6ea; padding: 1.6pt 3pt; vertical-align: top; }
            .grid.small td { padding: 1pt 3pt; }
            .criteria { table-layout: fixed; } .criteria td { padding: 1.2pt 3pt; }
            .criteria .c1 { width: 25%; } .criteria .c2 { width: 21%; } .criteria .c3 { width: 10.5%; } .criteria .c4 { width: 15%; }
            .criteria .c5 { width: 13%; } .criteria .c6 { width: 15.5%; } .criteria .num { white-space: normal; }
            .criteria td.lines { font-size: 6.3pt; }
            .num { white-space: nowrap; }
            .sub { color: #6b7780; font-size: 6.3pt; }
            .pill { padding: 0.4pt 3pt; border-radius: 2pt; font-weight: bold; font-size: 6.4pt; white-space: nowrap; }
            .pill.green { background: #dff2e5; color: #145c2d; } .pill.amber { background: #fdebcc; color: #7a4600; }
            .pill.grey { background: #e7ebee; color: #3c4650; } .pill.red { background: #f9dcd9; color: #8c1d17; }
            .pill.purple { background: #ece0f6; color: #4a1f70; }
            .charts td.chart { width: 33.3%; padding: 0 2pt; vertical-align: top; text-align: center; }
            .charts img { width: 100%; }
            .caption { font-size: 6.3pt; color: #5f6b76; }
            .none { color: #6b7780; font-style: italic; margin: 1pt 0 2pt 0; }
            .pair td.half { width: 50%; vertical-align: top; padding: 0 4pt 0 0; }
            .evidence { margin-top: 5pt; padding: 4pt 6pt; background: #f3f5f7; border-left: 2pt solid #55616c; font-size: 6.6pt; }
            .sign { margin-top: 14pt; } .sign td { border-top: 0.6pt solid #1d2329; width: 33%; padding: 1.5pt 0; color: #5f6b76; font-size: 6.4pt; }
            .sign td + td { border-left: 8pt solid #fff; }
            .mono { font-size: 6.3pt; color: #2b3440; }
            @media screen { body { max-width: 190mm; margin: 8mm auto; } }
            """;
}
