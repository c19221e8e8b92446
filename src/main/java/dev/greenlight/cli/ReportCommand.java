package dev.greenlight.cli;

import dev.greenlight.gate.KeptAllureResults;
import dev.greenlight.report.AllureHome;
import dev.greenlight.report.AllureReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** Builds the single-file Allure report from the results of the run (or of several stored runs), keeping history. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Generate reports/allure-report/index.html (single file, opens from disk) from reports/allure-results.",
                "Run directories given (e.g. every CI job's reports/evidence/<runId>) first add their kept test results to it,",
                "without their own Go/No-Go results: the report shows the verdict of 'greenlight gate --allure-out reports/allure-results'."},
        exitCodeListHeading = "Exit codes:%n", exitCodeList = {"0:the report was written", "1:the Allure command line failed",
                "2:bad input: no results, no Allure command line (the message says how to unpack it)"})
final class ReportCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "DIR",
            description = "run directories or directories of runs whose allure-results/ join the report")
    List<Path> runs = new ArrayList<>();

    @Option(names = "--reports", defaultValue = "reports", description = "reports directory (default: ${DEFAULT-VALUE})")
    Path reports;

    @Option(names = "--allure-home", description = "the unpacked Allure command line (default: target/allure-commandline/allure-*,"
            + " unpacked by '" + AllureHome.UNPACK + "')")
    Path allureHome;

    @Override
    public Integer call() {
        Path live = reports.resolve("allure-results");
        List<Path> kept = new ArrayList<>();
        for (Path run : runs) {
            List<Path> found = KeptAllureResults.within(List.of(run));
            if (found.isEmpty()) {
                throw new IllegalArgumentException(Files.isDirectory(run) ? "no allure-results/ in or directly under " + run
                        : "run directory " + run + " does not exist");
            }
            kept.addAll(found);
        }
        if (!Files.isDirectory(live) && kept.isEmpty()) {
            throw new IllegalArgumentException("no Allure results at " + live + ": nothing ran (or give the run directories)");
        }
        Path home = AllureHome.resolve(allureHome);
        int copied = 0;
        for (Path results : kept) {
            copied += KeptAllureResults.copyTests(results, live);
        }
        if (!kept.isEmpty()) {
            System.out.println("greenlight: " + copied + " test results of " + kept.size() + " runs joined " + live
                    + " (each run's own Go/No-Go left out: the report shows the verdict of " + live + ")");
        }
        Path index = new AllureReport(home, Duration.ofMinutes(5)).generate(live, reports.resolve("allure-report"));
        System.out.println("greenlight: Allure report at " + index.toAbsolutePath());
        return 0;
    }
}
