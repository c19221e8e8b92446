package dev.greenlight.acceptance.probes;

import dev.greenlight.config.ProbesConfig;
import dev.greenlight.config.SoakConfig;
import dev.greenlight.db.ReadOnlyDatabase;
import dev.greenlight.evidence.Measurement;
import dev.greenlight.probes.Backends;
import dev.greenlight.probes.Burst;
import dev.greenlight.probes.ProbeContext;
import dev.greenlight.probes.ProbeHttp;
import dev.greenlight.probes.Probes;
import dev.greenlight.run.Criterion;
import dev.greenlight.run.EvidenceRecorder;
import dev.greenlight.run.RunContext;
import dev.greenlight.target.TargetNotReadyException;
import io.qameta.allure.Allure;
import io.qameta.allure.Feature;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@Probes
@Feature("Connection pool")
@Criterion("pool-wait")
@DisplayName("Pool: Prisma 7's pg pool under a burst and after idling — latency may grow, no request may wait past the budget")
class PoolProbeTests {

    @Test
    @DisplayName("A burst above the pool's size is served within the budget, without errors")
    void shouldServeABurstAboveThePoolSize(RunContext run, EvidenceRecorder evidence) {
        ProbesConfig.Pool pool = run.config().probes().pool();
        Burst.Result burst;
        String backends;
        try (Backends sessions = Backends.sample(new ReadOnlyDatabase(run.config().database(), run.masker()))) {
            burst = Burst.fire(ProbeContext.http(run), pool.path(), pool.requests(), pool.within(), pool.budget().multipliedBy(3));
            backends = sessions.describe();
        }
        String baseline = baselineBurst(run, pool);
        Allure.addAttachment("burst latencies (arrival order)", "text/plain", burst.table(), ".txt");
        evidence.record(Measurement.of("pool-wait", "burst of " + pool.requests() + " over " + pool.within().toMillis() + " ms: requests past "
                        + pool.budget().toMillis() + " ms or failed").count(burst.beyond(pool.budget()).size(), burst.shots().size())
                .attribute("p50Ms", burst.percentile(50)).attribute("p95Ms", burst.percentile(95)).attribute("maxMs", burst.percentile(100))
                .attribute("errors", burst.failures()).attribute("knee", burst.knee() < 0 ? "none" : "request " + burst.knee())
                .attribute("backendsPeakPerInstance", backends).attribute("baseline", baseline));

        assertThat(burst.beyond(pool.budget())).as("requests of the burst past the %d ms budget or failed (p95 %d ms, max %d ms, backends %s)",
                pool.budget().toMillis(), burst.percentile(95), burst.percentile(100), backends).isEmpty();
    }

    @Test
    @DisplayName("After the pool idles past its idle timeout, the first requests are served within the budget too")
    void shouldServeTheFirstRequestsAfterIdling(RunContext run, EvidenceRecorder evidence) {
        ProbesConfig.Idle idle = run.config().probes().idle();
        ProbeHttp http = ProbeContext.http(run);
        // nothing is sent meanwhile, so the pool's idle connections are closed (node-postgres: idleTimeoutMillis, 10 s)
        await().pollDelay(idle.idleFor()).atMost(idle.idleFor().plusSeconds(1)).until(() -> true);
        Burst.Result burst = Burst.fire(http, run.config().probes().pool().path(), idle.requests(), Duration.ofMillis(200), idle.budget().multipliedBy(5));
        long[] firstAndRest = burst.firstAndRest(Math.min(10, idle.requests() / 2));
        Allure.addAttachment("latencies after idling (arrival order)", "text/plain", burst.table(), ".txt");
        evidence.record(Measurement.of("pool-wait", "burst after " + idle.idleFor().toSeconds() + " s idle: requests past "
                        + idle.budget().toMillis() + " ms or failed").count(burst.beyond(idle.budget()).size(), burst.shots().size())
                .attribute("firstRequestsMedianMs", firstAndRest[0]).attribute("restMedianMs", firstAndRest[1])
                .attribute("maxMs", burst.percentile(100)).attribute("errors", burst.failures()));

        assertThat(burst.beyond(idle.budget())).as("requests after idling past the %d ms budget or failed (first median %d ms, rest %d ms)",
                idle.budget().toMillis(), firstAndRest[0], firstAndRest[1]).isEmpty();
    }

    /** The same burst against the baseline running beside the candidate, when there is one: for comparison, not judged. */
    private static String baselineBurst(RunContext run, ProbesConfig.Pool pool) {
        if (!SoakConfig.ALONGSIDE.equals(run.config().soak().baseline()) && !run.config().baseline().present()) {
            return "not running";
        }
        try {
            return run.target().baseline().map(baseline -> {
                ProbeHttp http = ProbeHttp.at(baseline.baseUrl(), baseline.apiPrefix() != null ? baseline.apiPrefix() : run.config().app().apiPrefix(),
                        run.config().app().timeouts().connect(), Map.of("{tag}", run.dataTag()), run.masker());
                Burst.Result burst = Burst.fire(http, pool.path(), pool.requests(), pool.within(), pool.budget().multipliedBy(3));
                Allure.addAttachment("baseline burst latencies (arrival order)", "text/plain", burst.table(), ".txt");
                return (baseline.version() == null ? baseline.baseUrl() : baseline.version()) + ": p95 " + burst.percentile(95) + " ms, max "
                        + burst.percentile(100) + " ms, " + burst.failures() + " errors";
            }).orElse("not running");
        } catch (TargetNotReadyException e) {
            return "did not start: " + run.masker().mask(e.getMessage());
        }
    }
}
