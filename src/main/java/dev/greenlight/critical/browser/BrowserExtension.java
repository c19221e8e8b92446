package dev.greenlight.critical.browser;

import dev.greenlight.critical.JourneyEvidence;
import dev.greenlight.evidence.Measurement;
import dev.greenlight.evidence.MeasurementBuilder;
import dev.greenlight.run.GreenlightExtension;
import dev.greenlight.run.RunContext;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
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
 */
public final class BrowserExtension implements ParameterResolver, TestExecutionExceptionHandler, AfterTestExecutionCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BrowserExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        return parameter.getParameter().getType() == Browser.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        RunContext run = GreenlightExtension.run(extension);
        ExtensionContext.Store store = extension.getRoot().getStore(NAMESPACE);
        Browser browser = store.computeIfAbsent(Browser.class, key -> BrowserLauncher.launch(run.config(), run.masker()), Browser.class);
        extension.getStore(NAMESPACE).put(InUse.class, new InUse(browser));
        return browser;
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
