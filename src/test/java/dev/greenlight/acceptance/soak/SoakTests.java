package dev.greenlight.acceptance.soak;

import dev.greenlight.run.Criterion;
import dev.greenlight.run.EvidenceRecorder;
import dev.greenlight.run.RunContext;
import dev.greenlight.soak.Soak;
import dev.greenlight.soak.SoakSession;
import dev.greenlight.soak.SoakSummary;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@Soak
@DisplayName("Soak: the candidate under steady load, watched and compared with the baseline")
class SoakTests {

    @Test
    @Criterion({"error-rate", "latency-avg", "latency-p95", "db-query-avg", "pool-usage", "memory", "memory-rss", "cpu", "db-connection", "baseline", "baseline-p95"})
    @DisplayName("The candidate serves the soak profile's open-model load for its whole duration, with every metric recorded")
    void shouldServeTheSoakLoadForItsWholeDuration(RunContext run, EvidenceRecorder evidence) throws InterruptedException {
        SoakSession.Outcome outcome = SoakSession.run(run, evidence);

        assertThat(outcome.candidate().setup()).as("the soak's setup requests (finding posts, creating its author)")
                .allMatch(step -> step.ok());
        assertThat(outcome.candidate().totals().finished()).as("requests the soak completed").isPositive();
        assertThat(outcome.candidate().cleanup()).as("everything the soak created is removed again")
                .allMatch(step -> step.ok() || step.status() == 404);
        assertThat(outcome.candidate().stopReason()).as("why the soak stopped early (a rollback condition held); summary:%n%s",
                SoakSummary.text(outcome.candidate())).isNull();
    }
}
