package dev.greenlight.acceptance.probes;

import dev.greenlight.config.ProbesConfig;
import dev.greenlight.db.ReadOnlyDatabase;
import dev.greenlight.evidence.Measurement;
import dev.greenlight.probes.ProbeContext;
import dev.greenlight.probes.Probes;
import dev.greenlight.probes.TimeZoneRoundTrip;
import dev.greenlight.run.Criterion;
import dev.greenlight.run.EvidenceRecorder;
import dev.greenlight.run.NotRun;
import dev.greenlight.run.RunContext;
import io.qameta.allure.Allure;
import io.qameta.allure.Feature;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@Probes
@Feature("Time zones")
@Criterion("timestamps")
@DisplayName("Time zones: an instant written through the API comes back unchanged through the API and through SQL")
class TimeZoneProbeTests {

    @Test
    @DisplayName("The instant written, the API's read-back and the column read as text in UTC agree")
    void shouldRoundTripAnInstant(RunContext run, EvidenceRecorder evidence) throws Exception {
        ProbesConfig.TimeZone probe = run.config().probes().timeZone();
        if (!probe.configured()) {
            throw NotRun.outOfScope("the time-zone probe (no request that writes an instant)",
                    "probes.timeZone.write/table/column not set in " + run.sourceOf("probes.timeZone"));
        }
        TimeZoneRoundTrip.Outcome outcome = TimeZoneRoundTrip.run(probe, ProbeContext.http(run),
                new ReadOnlyDatabase(run.config().database(), run.masker()), run.config().app().timeouts().request());
        List<String> disagreements = outcome.disagreements();
        Allure.addAttachment("time-zone round trip", "text/plain", outcome.toString(), ".txt");
        evidence.record(Measurement.of("timestamps", "instant round trip through " + probe.table() + "." + probe.column())
                .count(disagreements.size(), 3).attribute("written", outcome.written()).attribute("answered", outcome.answered())
                .attribute("readBack", String.valueOf(outcome.readBack())).attribute("column", outcome.column()));

        assertThat(disagreements).as("where the instant %s changed on its way (row %s)", outcome.written(), outcome.id()).isEmpty();
    }
}
