package dev.greenlight.report;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Turns an Allure results directory into the HTML report with the Allure command line (unpacked from its Maven
 * artifact by the build): single-file, so it opens from disk, with the previous report's history carried over
 * so trends show across runs. A single-file report has no {@code history/} of its own, so the history is taken
 * from a second, multi-file generation and kept beside {@code index.html}. The two generations run side by side:
 * each is a JVM that spends most of its time starting and reading the same results.
 */
public final class AllureReport {

    private final Path allureHome;
    private final Duration timeout;

    public AllureReport(Path allureHome, Duration timeout) {
        this.allureHome = allureHome;
        this.timeout = timeout;
    }

    /**
     * Generates {@code reportDir/index.html} from {@code resultsDir}.
     *
     * @return the report's index file
     */
    public Path generate(Path resultsDir, Path reportDir) {
        if (!Files.isDirectory(allureHome.resolve("lib"))) {
            throw new IllegalStateException("the Allure command line is not at " + allureHome
                    + " (the acceptance profile unpacks it there: run through 'mvn -Pacceptance verify' or pass --allure-home)");
        }
        if (!Files.isDirectory(resultsDir)) {
            throw new IllegalStateException("no Allure results at " + resultsDir + ": nothing ran");
        }
        carryHistory(reportDir.resolve("history"), resultsDir.resolve("history"));
        Path full = reportDir.resolveSibling("." + reportDir.getFileName() + "-full");
        Process multiFile = start(resultsDir, full, false);
        try {
            await(start(resultsDir, reportDir, true));
        } finally {
            await(multiFile);
        }
        carryHistory(full.resolve("history"), reportDir.resolve("history"));
        return reportDir.resolve("index.html");
    }

    private Process start(Path resultsDir, Path outputDir, boolean singleFile) {
        String javaBinary = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = allureHome.resolve("lib") + "/*" + File.pathSeparator + allureHome.resolve("lib").resolve("config");
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(javaBinary, "-cp", classpath,
                "io.qameta.allure.CommandLine", "generate", resultsDir.toString(), "-o", outputDir.toString(), "--clean"));
        if (singleFile) {
            command.add("--single-file");
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("APP_HOME", allureHome.toString());
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run the Allure command line: " + e.getMessage(), e);
        }
    }

    private void await(Process process) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("Allure report generation did not finish within " + timeout.toSeconds() + " s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("Allure report generation failed with exit code " + process.exitValue());
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while generating the Allure report", e);
        }
    }

    /** Copies the last report's {@code history/} into the new results, which is how Allure keeps trends. */
    static void carryHistory(Path from, Path to) {
        if (!Files.isDirectory(from)) {
            return;
        }
        try {
            Files.createDirectories(to);
            try (Stream<Path> files = Files.list(from)) {
                for (Path file : files.toList()) {
                    Files.copy(file, to.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot carry the report history from " + from, e);
        }
    }
}
