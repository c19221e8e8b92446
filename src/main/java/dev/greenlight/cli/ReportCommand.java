package dev.greenlight.cli;

import dev.greenlight.report.AllureReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/** Builds the single-file Allure report from the results of the run, keeping history. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Generate reports/allure-report/index.html (single file, opens from disk) from reports/allure-results.")
final class ReportCommand implements Callable<Integer> {

    @Option(names = "--reports", defaultValue = "reports", description = "reports directory (default: ${DEFAULT-VALUE})")
    Path reports;

    @Option(names = "--allure-home", required = true, description = "the unpacked Allure command line")
    Path allureHome;

    @Override
    public Integer call() {
        Path index = new AllureReport(allureHome, Duration.ofMinutes(5))
                .generate(reports.resolve("allure-results"), reports.resolve("allure-report"));
        System.out.println("greenlight: Allure report at " + index.toAbsolutePath());
        return 0;
    }
}
