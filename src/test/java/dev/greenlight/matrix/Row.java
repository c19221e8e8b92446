package dev.greenlight.matrix;

import dev.greenlight.gate.CriterionResult;
import dev.greenlight.gate.CriterionStatus;
import dev.greenlight.gate.Decision;
import dev.greenlight.gate.Verdict;

import dev.greenlight.gate.VerdictMarkdown;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One row of the fault matrix: the sample app's state, the suites that can see it, the verdict it must get and
 * the criterion that must decide it.
 *
 * @param name      the row as the README's table names it
 * @param faults    the sample app's faults ({@code greenlight.sample.faults}), empty for none
 * @param groups    the suites run (a tag expression); null runs them all
 * @param signOff   the sign-off sheet the gate reads ({@link SignOffSheet}), for rows that only re-judge evidence
 * @param expected  the verdicts accepted
 * @param deciding  the criterion that must decide it; null when none must (GO)
 * @param settings  Greenlight settings of the row's main job on top of the matrix's (e.g. a browser that is not there)
 * @param mentions  text verdict.md must contain (the fix a HOLD names, the scope a GO states); null for none
 */
record Row(String name, String faults, String groups, SignOffSheet signOff, Expected expected, String deciding,
           Map<String, String> settings, String mentions) {

    Row {
        settings = settings == null ? Map.of() : Map.copyOf(settings);
    }

    Row(String name, String faults, String groups, SignOffSheet signOff, Expected expected, String deciding) {
        this(name, faults, groups, signOff, expected, deciding, Map.of(), null);
    }

    /** What is wrong with {@code verdict} for this row; empty when it is what the row expects. */
    List<String> problems(Verdict verdict) {
        List<String> problems = new ArrayList<>();
        if (!expected.accepts(verdict)) {
            problems.add("verdict " + verdict.headline() + ", expected " + expected.text());
        }
        if (deciding != null) {
            CriterionStatus status = verdict.row(deciding).map(CriterionResult::status).orElse(null);
            boolean decidedIt = verdict.deciding().contains(deciding);
            boolean notMet = status != null && status != CriterionStatus.MET && status != CriterionStatus.NO_EVIDENCE;
            // a HOLD is decided by everything still open; a row that accepts any "no" needs its criterion to see the
            // fault, while a worse line elsewhere may decide (slow queries also slow every request: baseline)
            boolean enough = verdict.decision() == Decision.HOLD || expected.anyNo() ? notMet : decidedIt;
            if (!enough) {
                problems.add("criterion " + deciding + " did not decide it (decided by " + verdict.deciding() + "; " + deciding + " " + status + ")");
            }
        }
        if (mentions != null && !VerdictMarkdown.render(verdict, Path.of(".")).contains(mentions)) {
            problems.add("verdict.md does not say '" + mentions + "'");
        }
        return problems;
    }
}
