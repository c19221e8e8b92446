package dev.greenlight.testkit;

import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.junitplatform.AllureJunitPlatform;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

/**
 * Runs acceptance suites in this JVM the way the main job does — JUnit Platform Launcher, Allure results,
 * Greenlight settings as configuration parameters — and returns what happened to each test, so a self-test
 * can assert that a suite fails, and why, against a faulty sample app.
 */
public final class SuiteRun {

    private final Map<String, String> parameters = new LinkedHashMap<>();
    private final List<DiscoverySelector> selectors = new ArrayList<>();
    private final List<String> tags = new ArrayList<>();

    private SuiteRun() {
    }

    /** The suites under {@code dev.greenlight.acceptance.<feature>}. */
    public static SuiteRun of(String feature) {
        SuiteRun run = new SuiteRun();
        run.selectors.add(selectPackage("dev.greenlight.acceptance." + feature));
        return run;
    }

    public static SuiteRun selecting(DiscoverySelector... chosen) {
        SuiteRun run = new SuiteRun();
        run.selectors.addAll(List.of(chosen));
        return run;
    }

    /** A Greenlight setting ({@code greenlight.target}, {@code greenlight.app.baseUrl}, ...). */
    public SuiteRun with(String key, String value) {
        parameters.put(key, value);
        return this;
    }

    public SuiteRun with(Map<String, String> settings) {
        parameters.putAll(settings);
        return this;
    }

    public SuiteRun tagged(String tagExpression) {
        tags.add(tagExpression);
        return this;
    }

    /** Runs, writing evidence under {@code reports} and Allure results under {@code reports/allure-results}. */
    public Outcomes execute(Path reports) {
        parameters.put("greenlight.reports", reports.toString());
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectors)
                .configurationParameters(parameters);
        if (!tags.isEmpty()) {
            request.filters(org.junit.platform.launcher.TagFilter.includeTags(tags));
        }
        LauncherDiscoveryRequest discovery = request.build();
        AllureLifecycle lifecycle = new AllureLifecycle(new FileSystemResultsWriter(reports.resolve("allure-results")));
        Recorder recorder = new Recorder();
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false)
                .addTestExecutionListeners(new AllureJunitPlatform(lifecycle), recorder)
                .build());
        AllureLifecycle previous = Allure.getLifecycle();
        Allure.setLifecycle(lifecycle);
        try {
            launcher.execute(discovery);
        } finally {
            Allure.setLifecycle(previous);
        }
        return new Outcomes(recorder.outcomes);
    }

    /** What happened to one test (or container that failed). */
    public record Outcome(String name, String uniqueId, TestExecutionResult.Status status, String message) {
        public boolean failed() {
            return status == TestExecutionResult.Status.FAILED;
        }

        public boolean passed() {
            return status == TestExecutionResult.Status.SUCCESSFUL;
        }
    }

    /** Every test's outcome, in execution order. */
    public record Outcomes(List<Outcome> all) {

        public List<Outcome> failures() {
            return all.stream().filter(Outcome::failed).toList();
        }

        public List<Outcome> passed() {
            return all.stream().filter(Outcome::passed).toList();
        }

        /** The outcome whose display name or unique id contains {@code text}. */
        public Outcome named(String text) {
            return all.stream().filter(o -> o.name().contains(text) || o.uniqueId().contains(text)).findFirst()
                    .orElseThrow(() -> new AssertionError("no test named like '" + text + "' ran; ran: " + summary()));
        }

        public String summary() {
            return all.stream().map(o -> o.status() + " " + o.name() + (o.message() == null ? "" : " — " + o.message()))
                    .collect(Collectors.joining("\n  ", "\n  ", ""));
        }
    }

    private static final class Recorder implements TestExecutionListener {
        private final List<Outcome> outcomes = new ArrayList<>();

        @Override
        public void executionFinished(TestIdentifier test, TestExecutionResult result) {
            if (test.isTest() || result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                String message = result.getThrowable().map(t -> t.getClass().getSimpleName() + ": " + t.getMessage()).orElse(null);
                outcomes.add(new Outcome(test.getDisplayName(), test.getUniqueId(), result.getStatus(), message));
            }
        }

        @Override
        public void executionSkipped(TestIdentifier test, String reason) {
            outcomes.add(new Outcome(test.getDisplayName(), test.getUniqueId(), TestExecutionResult.Status.ABORTED, "skipped: " + reason));
        }
    }
}
