package dev.greenlight.cli;

import dev.greenlight.config.ConfigLoader;
import dev.greenlight.config.RunSettings;
import dev.greenlight.config.Settings;
import dev.greenlight.config.TargetConfig;
import dev.greenlight.evidence.EvidenceJson;
import dev.greenlight.evidence.EvidenceLog;
import dev.greenlight.evidence.RunManifest;
import dev.greenlight.gate.Decision;
import dev.greenlight.gate.Gate;
import dev.greenlight.gate.RunJudgement;
import dev.greenlight.gate.Verdict;
import dev.greenlight.report.AllureReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * The end of the main job, after the suites (whether they passed or not): the run's Allure results are kept in
 * its evidence directory (so a stored run can be judged again on its own, and the verdict's links outlive the
 * next run), the gate judges the run from there, its Go/No-Go results join the Allure results, the HTML report
 * is built, and the verdict is printed last.
 */
@Command(name = "finish", mixinStandardHelpOptions = true,
        description = "Judge this run (gate), build the Allure report and print the verdict as the last lines.",
        exitCodeListHeading = "Exit codes:%n", exitCodeList = {"0:judged and reported (or the verdict is better than --fail-on)",
                "20/30/40:the verdict (HOLD, NO-GO, ROLLBACK) when it is --fail-on or worse", "2:bad input: no run, a bad --fail-on, bad configuration"})
final class FinishCommand implements Callable<Integer> {

    @Option(names = "--reports", defaultValue = "reports", description = "reports directory (default: ${DEFAULT-VALUE})")
    Path reports;

    @Option(names = "--suites", defaultValue = "suites", description = "suites directory (default: ${DEFAULT-VALUE})")
    Path suites;

    @Option(names = "--allure-home", required = true, description = "the unpacked Allure command line")
    Path allureHome;

    @Option(names = "--run", description = "the run to judge (default: the newest run under <reports>/evidence)")
    String runId;

    @Option(names = "--fail-on", description = "exit non-zero when the verdict is this or worse: HOLD, NO-GO or ROLLBACK (default: never)")
    String failOn;

    @Override
    public Integer call() {
        Path runDir = runDirectory();
        Settings settings = Settings.fromSystem();
        RunSettings run = RunSettings.resolve(settings, Clock.systemUTC());
        TargetConfig target = new ConfigLoader().load(run, settings).config();
        Verdict verdict = RunJudgement.judge(reports, suites, runDir, target.gate(), Clock.systemUTC());
        Path index = new AllureReport(allureHome, Duration.ofMinutes(5)).generate(reports.resolve("allure-results"), reports.resolve("allure-report"));

        System.out.println();
        System.out.println("greenlight: report  " + index.toAbsolutePath());
        System.out.println("greenlight: verdict " + reports.resolve("verdict").resolve(Gate.VERDICT_MD).toAbsolutePath());
        verdict.summaryLines().forEach(System.out::println);
        return failOn == null || failOn.isBlank() || !atLeast(verdict, failOn) ? 0 : verdict.exitCode();
    }

    private Path runDirectory() {
        Path evidence = reports.resolve("evidence");
        if (runId != null && !runId.isBlank()) {
            Path dir = evidence.resolve(runId);
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException("no evidence for run " + runId + " under " + evidence + ": did the suites run?");
            }
            return dir;
        }
        try (Stream<Path> runs = Files.list(evidence)) {
            return runs.filter(dir -> Files.exists(dir.resolve(EvidenceLog.MANIFEST)))
                    .max(Comparator.comparing(FinishCommand::startedAt))
                    .orElseThrow(() -> new IllegalArgumentException("no run under " + evidence + ": did the suites run?"));
        } catch (IOException e) {
            throw new IllegalArgumentException("no evidence directory " + evidence + ": did the suites run?", e);
        }
    }

    private static java.time.Instant startedAt(Path runDir) {
        try {
            return Optional.ofNullable(EvidenceJson.mapper().readValue(runDir.resolve(EvidenceLog.MANIFEST).toFile(), RunManifest.class).startedAt())
                    .orElse(java.time.Instant.EPOCH);
        } catch (IOException e) {
            return java.time.Instant.EPOCH;
        }
    }

    private static boolean atLeast(Verdict verdict, String threshold) {
        Decision limit = switch (threshold.trim().toUpperCase(java.util.Locale.ROOT).replace('_', '-')) {
            case "HOLD" -> Decision.HOLD;
            case "NO-GO", "NOGO" -> Decision.NO_GO;
            case "ROLLBACK" -> Decision.ROLLBACK;
            default -> throw new IllegalArgumentException("--fail-on must be HOLD, NO-GO or ROLLBACK, got '" + threshold + "'");
        };
        return verdict.decision().ordinal() >= limit.ordinal();
    }
}
