package dev.greenlight.gate;

import dev.greenlight.config.GateConfig;

import org.apache.commons.io.file.PathUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;

/**
 * Judges one finished run of the main job as its last step does: the run's Allure results are kept in its
 * evidence directory (so the stored run is self-contained and the verdict's links outlive the next run), the gate
 * reads the run from there, and its Go/No-Go results are added to the live Allure results for the report. Those are
 * copied to the run once more after judging; the evidence fingerprint leaves them out ({@link EvidenceFingerprint}), so
 * {@code gate --verify} on the run still finds what was judged.
 */
public final class RunJudgement {

    private RunJudgement() {
    }

    /**
     * @param reports     the reports directory ({@code evidence/}, {@code allure-results/}, {@code verdict/})
     * @param suites      the suites directory ({@code go-no-go.yaml}, {@code signoff.yaml})
     * @param runDir      the run's evidence directory
     * @param gate        how the target asks to be judged (its observation minimum and its own lines)
     * @param clock       the gate's clock
     */
    public static Verdict judge(Path reports, Path suites, Path runDir, GateConfig gate, Clock clock) {
        Path allureResults = reports.resolve("allure-results");
        Path kept = runDir.resolve("allure-results");
        copy(allureResults, kept);
        Verdict verdict = new Gate(clock).run(request(reports, suites, runDir, gate));
        copy(allureResults, kept);
        return verdict;
    }

    /** What {@link #judge} asks the gate, once the run's Allure results are kept with it. */
    public static Gate.Request request(Path reports, Path suites, Path runDir, GateConfig gate) {
        Path signOff = suites.resolve("signoff.yaml");
        return new Gate.Request(List.of(runDir), List.of(runDir.resolve("allure-results")), suites.resolve("go-no-go.yaml"),
                Files.exists(signOff) ? signOff : null, reports.resolve("verdict"), reports.resolve("allure-results"), gate.minDuration(),
                gate.lines(), baselineDirs(reports, runDir));
    }

    /** Where a run's baseline is: measured by the run itself ({@code soak/<runId>/baselines}) or saved ({@code baselines}). */
    public static List<Path> baselineDirs(Path reports, Path runDir) {
        return List.of(reports.resolve("soak").resolve(runDir.getFileName().toString()).resolve("baselines"), reports.resolve("baselines"));
    }

    private static void copy(Path from, Path to) {
        if (!Files.isDirectory(from)) {
            return;
        }
        try {
            Files.createDirectories(to.getParent()); // PathUtils creates the target, not its parents
            PathUtils.copyDirectory(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the Allure results with the run in " + to + ": " + e.getMessage(), e);
        }
    }
}
