package dev.greenlight.critical.blog;

import dev.greenlight.critical.JourneyEvidence;
import dev.greenlight.critical.api.CallLatencies;
import dev.greenlight.critical.data.TestData;
import dev.greenlight.critical.data.TestDataLedger;
import dev.greenlight.http.TargetHttp;
import dev.greenlight.run.GreenlightExtension;
import dev.greenlight.run.RunContext;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Connects journeys to the blog application: injects {@link BlogApi} and the journey's {@link TestData}, records
 * the latency of every API call a journey made as evidence, and keeps the run's {@link TestDataLedger} — opened
 * (sweeping leftovers of earlier runs) before the first journey class, closed (deleting this run's rows) when the
 * run ends, whatever happened in between.
 */
public final class BlogExtension implements BeforeAllCallback, ParameterResolver, AfterTestExecutionCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BlogExtension.class);

    /** One journey's view of the run: its data and its HTTP, with the calls it made. */
    private record Journey(TestData data, TargetHttp http, CallLatencies latencies) {
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        ledger(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        Class<?> type = parameter.getParameter().getType();
        return type == BlogApi.class || type == TestData.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        Journey journey = journey(extension);
        return parameter.getParameter().getType() == BlogApi.class ? new BlogApi(journey.http().api(), journey.data()) : journey.data();
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        Journey journey = context.getStore(NAMESPACE).get(Journey.class, Journey.class);
        if (journey != null) {
            journey.latencies().measurement(JourneyEvidence.CRITERION, "API call latency · " + JourneyEvidence.journey(context))
                    .ifPresent(measurement -> JourneyEvidence.record(context, measurement));
        }
    }

    private static Journey journey(ExtensionContext context) {
        return context.getStore(NAMESPACE).computeIfAbsent(Journey.class, key -> {
            RunContext run = GreenlightExtension.run(context);
            CallLatencies latencies = new CallLatencies();
            TargetHttp http = TargetHttp.of(run.config(), run.masker());
            http.steps().onExchange(latencies);
            return new Journey(ledger(context).forJourney(), http, latencies);
        }, Journey.class);
    }

    /** The run's ledger; the run itself is started first so the ledger is closed before the target. */
    static TestDataLedger ledger(ExtensionContext context) {
        RunContext run = GreenlightExtension.run(context);
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent(TestDataLedger.class,
                key -> TestDataLedger.open(run.runId(), run.config().testData(),
                        new BlogTaggedData(TargetHttp.of(run.config(), run.masker()).api(), run.config().testData()),
                        run.allure(), run.masker(), run.clock()),
                TestDataLedger.class);
    }
}
