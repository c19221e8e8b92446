package dev.greenlight.acceptance.probes;

import dev.greenlight.config.ProbesConfig;
import dev.greenlight.evidence.Measurement;
import dev.greenlight.probes.Burst;
import dev.greenlight.probes.Outage;
import dev.greenlight.probes.ProbeContext;
import dev.greenlight.probes.Probes;
import dev.greenlight.rollback.StepRunner;
import dev.greenlight.run.Criterion;
import dev.greenlight.run.EvidenceRecorder;
import dev.greenlight.run.NotRun;
import dev.greenlight.run.RunContext;
import io.qameta.allure.Allure;
import io.qameta.allure.Feature;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@Probes
@Feature("Database outage")
@Criterion("db-outage")
@DisplayName("Outage: the database unreachable for a few seconds — requests end within a bound, then the app recovers")
class DatabaseOutageProbeTests {

    @Test
    @DisplayName("Every request during a short database outage ends within the bound, and the app answers again after it")
    void shouldBoundRequestsWhileTheDatabaseIsAway(RunContext run, EvidenceRecorder evidence) {
        ProbesConfig.DbOutage outage = run.config().probes().dbOutage();
        if (!outage.configured()) {
            throw NotRun.outOfScope("the database outage probe (nothing in the target file causes one)",
                    "probes.dbOutage.start/end not set in " + run.sourceOf("probes.dbOutage"));
        }
        Outage.Result result = Outage.run(outage, ProbeContext.http(run), run.config().probes().pool().path(),
                new StepRunner(run.masker(), outage.start().timeout(), Map.of()));
        long hung = result.during().beyond(outage.bound()).stream().filter(shot -> shot.millis() > outage.bound().toMillis()).count();
        Allure.addAttachment("requests during the outage (arrival order)", "text/plain", result.during().table() + "\n" + String.join("\n", result.actions()), ".txt");
        evidence.record(Measurement.of("db-outage", "requests during a " + outage.duration().toSeconds() + " s database outage not ended within "
                        + outage.bound().toMillis() + " ms, and recovery").count(hung + (result.recovered() ? 0 : 1), result.during().shots().size() + 1)
                .attribute("maxMs", result.during().percentile(100)).attribute("errors", result.during().failures())
                .attribute("recovered", result.recovered()).attribute("actions", String.join("; ", result.actions())));

        assertThat(result.during().shots()).as("requests during the outage that took longer than %d ms (a hang, not an error)",
                outage.bound().toMillis()).filteredOn(shot -> shot.millis() > outage.bound().toMillis()).extracting(Burst.Shot::toString).isEmpty();
        assertThat(result.recovered()).as("the app answers 200 again after the outage (%s)", result.actions()).isTrue();
    }
}
