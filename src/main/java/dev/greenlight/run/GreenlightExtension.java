package dev.greenlight.run;

import dev.greenlight.config.ConfigException;
import dev.greenlight.config.Settings;
import dev.greenlight.config.TargetConfig;
import dev.greenlight.evidence.Measurement;
import dev.greenlight.http.TargetHttp;
import dev.greenlight.target.Target;
import io.qameta.allure.Allure;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

import java.lang.reflect.Method;
import java.time.Clock;
import java.util.Optional;

/**
 * Connects acceptance tests to the run: the first test class to start resolves the configuration and brings up
 * the target; every test then gets, as parameters, the {@link RunContext}, the {@link Target}, its
 * {@link TargetConfig}, {@link TargetHttp} (REST Assured specifications that show every exchange in the report)
 * and an {@link EvidenceRecorder} bound to itself. The run lives in the root store and
 * is closed when the JUnit run ends.
 *
 * <p>A test, or a lifecycle method before it, that meets the harness's own trouble ({@link HarnessTrouble}: no browser,
 * an unreachable Grid, a probe without rights) ends as {@link NotRun} — aborted, not failed — and a {@code NOT_RUN}
 * fact is recorded for each criterion it serves, so the gate holds those criteria instead of blaming the application.
 *
 * <p>Settings are read as JUnit configuration parameters (which fall back to system properties), so a
 * self-test can run suites against a target of its own without touching the JVM's properties.
 */
public final class GreenlightExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver, TestExecutionExceptionHandler,
        LifecycleMethodExecutionExceptionHandler {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(GreenlightExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        run(context);
    }

    /** Labels the test with the severity of the criteria it serves (their priority in the criteria file). */
    @Override
    public void beforeEach(ExtensionContext context) {
        String[] criteria = criteriaOf(context);
        if (criteria.length > 0) {
            run(context).severityOf(criteria).ifPresent(severity -> Allure.label("severity", severity));
        }
    }

    private static String[] criteriaOf(ExtensionContext context) {
        return context.getTestMethod().flatMap(m -> AnnotationSupport.findAnnotation(m, Criterion.class))
                .or(() -> AnnotationSupport.findAnnotation(context.getRequiredTestClass(), Criterion.class))
                .map(Criterion::value).orElse(new String[0]);
    }

    /** The run this test belongs to, started on first use. A run that failed to start fails every class the same way. */
    public static RunContext run(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(Startup.class, key -> Startup.attempt(settings(context)), Startup.class)
                .get();
    }

    static Settings settings(ExtensionContext context) {
        return new Settings(context::getConfigurationParameter, System.getenv());
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        Class<?> type = parameter.getParameter().getType();
        return type == RunContext.class || type == Target.class || type == TargetConfig.class || type == EvidenceRecorder.class
                || type == TargetHttp.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        RunContext run = run(extension);
        Class<?> type = parameter.getParameter().getType();
        if (type == RunContext.class) {
            return run;
        }
        if (type == Target.class) {
            return run.target();
        }
        if (type == TargetConfig.class) {
            return run.config();
        }
        if (type == EvidenceRecorder.class) {
            return new EvidenceRecorder(run.evidence(), source(extension));
        }
        if (type == TargetHttp.class) {
            return TargetHttp.of(run.config(), run.masker());
        }
        throw new ParameterResolutionException("cannot resolve " + type);
    }

    /**
     * Puts the criteria a failing test serves at the front of its message, {@code [criterion: error-rate] ...},
     * so the report can sort failures by criterion. The failure keeps its kind (assertion vs error) and trace.
     */
    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        rethrowIfNotRun(context, failure);
        String[] criteria = criteriaOf(context);
        if (criteria.length == 0 || failure instanceof TestAbortedException) {
            throw failure;
        }
        String message = "[criterion: " + String.join(", ", criteria) + "] " + failure.getMessage();
        Throwable tagged;
        if (failure instanceof AssertionFailedError assertion && assertion.isExpectedDefined() && assertion.isActualDefined()) {
            tagged = new AssertionFailedError(message, assertion.getExpected(), assertion.getActual(), failure.getCause());
        } else if (failure instanceof AssertionError) {
            tagged = new AssertionFailedError(message, failure.getCause());
        } else {
            tagged = new CriterionFailure("[criterion: " + String.join(", ", criteria) + "] "
                    + failure.getClass().getSimpleName() + ": " + failure.getMessage(), failure);
        }
        tagged.setStackTrace(failure.getStackTrace());
        for (Throwable suppressed : failure.getSuppressed()) {
            tagged.addSuppressed(suppressed);
        }
        throw tagged;
    }

    @Override
    public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        rethrowIfNotRun(context, failure);
        throw failure;
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        rethrowIfNotRun(context, failure);
        throw failure;
    }

    /** Turns the harness's own trouble into {@link NotRun}, with a fact in the evidence for every criterion served. */
    private static void rethrowIfNotRun(ExtensionContext context, Throwable failure) {
        java.util.Optional<NotRun> notRun = NotRun.of(failure);
        if (notRun.isEmpty()) {
            return;
        }
        recordNotRun(context, notRun.get());
        throw notRun.get();
    }

    /**
     * Records {@code notRun} for every criterion the test (or class) of {@code context} serves. Without a started run
     * there is no evidence to write to; the aborted result in the report still says why.
     */
    public static void recordNotRun(ExtensionContext context, NotRun notRun) {
        String[] criteria = criteriaOf(context);
        if (criteria.length == 0 || !started(context)) {
            return;
        }
        EvidenceRecorder recorder = evidence(context);
        String what = context.getRequiredTestClass().getSimpleName() + context.getTestMethod().map(m -> " · " + context.getDisplayName()).orElse("");
        for (String criterion : criteria) {
            recorder.record(notRun.outOfScope()
                    ? Measurement.of(criterion, "out of scope · " + what).outOfScope(notRun.declaredBy()).attribute("what", notRun.reason())
                    : Measurement.of(criterion, "not run · " + what).notRun(notRun.reason(), notRun.fix()));
        }
    }

    private static boolean started(ExtensionContext context) {
        Startup startup = context.getRoot().getStore(NAMESPACE).get(Startup.class, Startup.class);
        return startup != null && startup.run != null;
    }

    /** An error (not an assertion) in a test serving a criterion; the original is its cause. */
    static final class CriterionFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CriterionFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** An evidence recorder for the running test, for extensions that record on a test's behalf. */
    public static EvidenceRecorder evidence(ExtensionContext context) {
        return EvidenceRecorder.of(run(context), source(context));
    }

    /** Allure's full name of the running test: {@code package.Class.method}. */
    public static String source(ExtensionContext context) {
        String className = context.getRequiredTestClass().getName();
        Optional<Method> method = context.getTestMethod();
        return method.map(m -> className + "." + m.getName()).orElse(className);
    }

    /** The outcome of starting the run, kept so a failure is reported once and the same for every class. */
    static final class Startup implements AutoCloseable {

        private final RunContext run;
        private final RuntimeException failure;

        private Startup(RunContext run, RuntimeException failure) {
            this.run = run;
            this.failure = failure;
        }

        static Startup attempt(Settings settings) {
            try {
                return new Startup(RunContext.start(settings, Clock.systemUTC()), null);
            } catch (ConfigException e) {
                return new Startup(null, e);
            } catch (RuntimeException e) {
                return new Startup(null, e);
            }
        }

        RunContext get() {
            if (failure != null) {
                NotRun.of(failure).ifPresent(notRun -> {
                    throw notRun;
                });
                throw failure;
            }
            return run;
        }

        @Override
        public void close() {
            if (run != null) {
                run.close();
            }
        }
    }
}
