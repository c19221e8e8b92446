package dev.greenlight.preflight;

import dev.greenlight.evidence.Measurement;
import dev.greenlight.run.EvidenceRecorder;
import dev.greenlight.run.NotRun;
import io.qameta.allure.Allure;

import java.util.List;

/**
 * How a checklist item becomes evidence for the {@value #CRITERION} criterion: the number of problems found among the
 * things checked, with the problems attached in words; or, when the harness could not look, a not-run fact naming the fix.
 */
public final class ChecklistEvidence {

    /** The criterion every checklist item serves. */
    public static final String CRITERION = "preflight";

    private ChecklistEvidence() {
    }

    /** Records {@code findings} among {@code checked} things for item {@code name} and attaches them. */
    public static void record(EvidenceRecorder evidence, String name, List<String> findings, long checked) {
        Allure.addAttachment("preflight · " + name, "text/plain", findings.isEmpty() ? "no problem found in " + checked + " checked"
                : String.join("\n", findings), ".txt");
        evidence.record(Measurement.of(CRITERION, name).count(findings.size(), Math.max(checked, findings.size()))
                .attribute("findings", findings.isEmpty() ? "none" : String.join("; ", findings)));
    }

    /** Records that item {@code name} could not be checked, and ends the test as not run. */
    public static NotRun notRun(EvidenceRecorder evidence, String name, String reason, String fix) {
        evidence.record(Measurement.of(CRITERION, "not run · " + name).notRun(reason, fix));
        return NotRun.because(reason, fix);
    }
}
