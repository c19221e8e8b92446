package dev.greenlight.critical.browser;

import dev.greenlight.critical.JourneyEvidence;
import dev.greenlight.evidence.Measurement;
import dev.greenlight.evidence.MeasurementBuilder;
import dev.greenlight.run.GreenlightExtension;
import dev.greenlight.run.NotRun;
import dev.greenlight.run.RunContext;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

import java.util.List;
import java.util.Locale;

/**
 * The browser's lifecycle for browser journeys: one {@link Browser} per run, started on first use and quit when
 * the run ends, injected as a parameter. When a journey fails it attaches the screenshot, address and HTML of the
 * page, then rethrows; after each journey it records how long its steps took as evidence.
 *
 * <p>A target whose file says {@code browser.enabled: false} (an API-only service) has its browser journeys out of
 * scope: they are not run, and the verdict says so beside the criteria they serve. A browser that cannot be started
 * is the harness's trouble ({@link BrowserUnavailableException}): tried once per run, and every journey ends as not
 * run with the reason and the fix.
 */
public final class BrowserExtension implements BeforeEachCallback, ParameterResolver, TestExecutionExceptionHandler, AfterTestExecutionCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BrowserExtension.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        RunContext run = GreenlightExtension.run(context);
        if (!run.config().browser().enabled()) {
            NotRun outOfScope = NotRun.outOfScope("browser journeys", "browser.enabled: false in " + run.sourceOf("browser.enabled"));
            GreenlightExtension.recordNotRun(context, outOfScope);
            throw outOfScope;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        return parameter.getParameter().getType() == Browser.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        RunContext run = GreenlightExtension.run(extension);
        ExtensionContext.Store store = extension.getRoot().getStore(NAMESPACE);
        Browser browser = store.computeIfAbsent(Launch.class, key -> Launch.attempt(run), Launch.class).browser();
        extension.getStore(NAMESPACE).put(InUse.class, new InUse(browser));
        return browser;
    }

    /** The run's one attempt to start the browser: a browser to share, or why there is none (not tried again). */
    private record Launch(Browser started, BrowserUnavailableException failure) implements AutoCloseable {

        static Launch attempt(RunContext run) {
            try {
                return new Launch(BrowserLauncher.launch(run.config(), run.masker()), null);
            } catch (BrowserUnavailableException e) {
                return new Launch(null, e);
            }
        }

        Browser browser() {
            if (failure != null) {
                throw new BrowserUnavailableException(failure.reason(), failure.fix(), failure);
            }
            return started;
        }

        @Override
        public void close() {
            if (started != null) {
                started.close();
            }
        }
    }

    /** The run's browser as used by one journey; not closeable, so the journey's end leaves the browser running. */
    private record InUse(Browser browser) {
    }

    private static Browser used(ExtensionContext context) {
        InUse inUse = context.getStore(NAMESPACE).get(InUse.class, InUse.class);
        return inUse == null ? null : inUse.browser();
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        Browser browser = used(context);
        if (browser != null) {
            browser.attachFailureEvidence();
        }
        throw failure;
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        Browser browser = used(context);
        if (browser == null) {
            return;
        }
        List<Browser.StepTiming> steps = browser.takeTimings();
        if (steps.isEmpty()) {
            return;
        }
        Histogram micros = new Histogram(3);
        steps.forEach(step -> micros.recordValue(Math.max(1, Math.round(step.millis() * 1000))));
        MeasurementBuilder measurement = Measurement.of(JourneyEvidence.CRITERION, "browser step latency · " + JourneyEvidence.journey(context))
                .distribution(micros);
        for (int i = 0; i < steps.size(); i++) {
            measurement.attribute(String.format(Locale.ROOT, "%02d %s", i + 1, steps.get(i).step()),
                    String.format(Locale.ROOT, "%.0f ms", steps.get(i).millis()));
        }
        JourneyEvidence.record(context, measurement);
    }
}
