package dev.greenlight.migration;

import dev.greenlight.evidence.EvidenceReader;
import dev.greenlight.evidence.Measurement;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.engine.support.descriptor.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/**
 * Runs the {@code @Migration} acceptance suite against the local target, the way CI would, with the given
 * configuration parameters (faults, overrides), and keeps each test's outcome and the evidence it left.
 */
final class SuiteRun {

    /** Where the sample app's migrations are in this repository (present once the sample app is merged). */
    static final Path SAMPLE_MIGRATIONS = Path.of("src/main/resources/dev/greenlight/sample/prisma/migrations");

    private final Map<String, TestExecutionResult> results = new LinkedHashMap<>();
    private final Path reports;

    private SuiteRun(Path reports) {
        this.reports = reports;
    }

    static boolean sampleAvailable() {
        return Files.isDirectory(SAMPLE_MIGRATIONS);
    }

    /** Runs the suite with {@code parameters} (e.g. {@code greenlight.sample.faults}) and reports under {@code reports}. */
    static SuiteRun run(Path reports, Map<String, String> parameters) {
        SuiteRun run = new SuiteRun(reports);
        Map<String, String> all = new LinkedHashMap<>(parameters);
        all.put("greenlight.target", "local");
        all.put("greenlight.reports", reports.toString());
        LauncherDiscoveryRequest discovery = request().selectors(selectPackage("dev.greenlight.acceptance.migration"))
                .configurationParameters(all).build();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(discovery, new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                if (test.getSource().orElse(null) instanceof MethodSource method) {
                    run.results.put(method.getMethodName(), result);
                }
            }
        });
        return run;
    }

    /** Test method names, each with its outcome. */
    Map<String, TestExecutionResult> results() {
        return results;
    }

    TestExecutionResult.Status status(String method) {
        TestExecutionResult result = results.get(method);
        return result == null ? null : result.getStatus();
    }

    /** The failure message of {@code method}, or empty when it passed. */
    String message(String method) {
        TestExecutionResult result = results.get(method);
        return result == null ? "(did not run)" : result.getThrowable().map(Throwable::getMessage).orElse("");
    }

    /** Every measurement the run recorded. */
    List<Measurement> evidence() {
        return EvidenceReader.read(List.of(reports.resolve("evidence"))).measurements();
    }

    Measurement measurement(String criterion, String name) {
        return evidence().stream().filter(m -> m.criterion().equals(criterion) && m.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no measurement " + criterion + " / " + name + " in " + evidence()));
    }
}
