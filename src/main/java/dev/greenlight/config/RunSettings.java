package dev.greenlight.config;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What a run is, apart from the target: which target, where reports go, the run id.
 *
 * <ul>
 *   <li>{@code greenlight.target} / {@code GREENLIGHT_TARGET}: target name, {@code local} by default</li>
 *   <li>{@code greenlight.targetFile}: an explicit target file, instead of {@code suites/targets/<target>.yaml}</li>
 *   <li>{@code greenlight.suites}: the directory of suite data, {@code suites} by default</li>
 *   <li>{@code greenlight.reports}: the reports directory, {@code reports} by default</li>
 *   <li>{@code greenlight.runId}: the run id, else {@code yyyyMMdd-HHmmss-xxxx}</li>
 * </ul>
 *
 * @param target     target name
 * @param targetFile the target file to read
 * @param suitesDir  directory of suite data (targets, criteria, soak profiles, sign-off)
 * @param reportsDir directory all output goes to
 * @param runId      this run's id, also the tag on the data it creates
 */
public record RunSettings(String target, Path targetFile, Path suitesDir, Path reportsDir, String runId) {

    private static final DateTimeFormatter RUN_ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    public static RunSettings resolve(Settings settings, Clock clock) {
        Path suites = Path.of(settings.lookup("greenlight.suites").orElse("suites"));
        String target = settings.lookup("greenlight.target").orElse("local");
        Path file = settings.lookup("greenlight.targetFile").map(Path::of)
                .orElse(suites.resolve("targets").resolve(target + ".yaml"));
        if (settings.lookup("greenlight.targetFile").isPresent() && settings.lookup("greenlight.target").isEmpty()) {
            String fileName = file.getFileName().toString();
            target = fileName.endsWith(".yaml") ? fileName.substring(0, fileName.length() - 5) : fileName;
        }
        Path reports = Path.of(settings.lookup("greenlight.reports").orElse("reports"));
        String runId = settings.lookup("greenlight.runId").orElseGet(() -> newRunId(clock));
        if (!runId.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")) {
            throw new ConfigException("greenlight.runId '" + runId + "' must be letters, digits, '.', '_' or '-' (it tags data and names a directory)");
        }
        return new RunSettings(target, file, suites, reports, runId);
    }

    /** {@code 20261125-184501-k3f9}: sortable, unique enough, safe in emails and titles. */
    public static String newRunId(Clock clock) {
        String suffix = Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36, 36 * 36 * 36 * 36), 36);
        return RUN_ID_TIME.format(clock.instant()) + "-" + suffix;
    }

    public Path evidenceDir() {
        return reportsDir.resolve("evidence");
    }

    public Path allureResultsDir() {
        return reportsDir.resolve("allure-results");
    }

    public Path runDir() {
        return evidenceDir().resolve(runId);
    }
}
