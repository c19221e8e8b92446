package dev.greenlight.acceptance.probes;

import dev.greenlight.evidence.Measurement;
import dev.greenlight.http.TargetHttp;
import dev.greenlight.probes.MetricsPresence;
import dev.greenlight.probes.Probes;
import dev.greenlight.run.Criterion;
import dev.greenlight.run.EvidenceRecorder;
import dev.greenlight.run.RunContext;
import dev.greenlight.soak.monitor.MetricsCoverage;
import dev.greenlight.soak.monitor.PrometheusText;
import io.qameta.allure.Feature;
import io.restassured.response.Response;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

@Probes
@Feature("Metrics")
@Criterion("metrics-presence")
@DisplayName("Metrics: every series the target file maps is exposed (Prisma 7 removed $metrics)")
class MetricsPresenceProbeTests {

    @Test
    @DisplayName("Every series of metrics.names is in /metrics; a missing one holds the criteria it feeds, naming it")
    void shouldExposeEveryMappedSeries(RunContext run, TargetHttp http, EvidenceRecorder evidence) {
        var names = run.config().metrics().names();
        boolean heap = !"resident".equalsIgnoreCase(run.config().soak().memory());
        Response response = given(http.app()).get(run.config().metrics().path());
        assertThat(response.statusCode()).as("status of GET %s", run.config().metrics().path()).isEqualTo(200);

        List<MetricsCoverage.Series> missing = MetricsPresence.missing(PrometheusText.parse(response.asString()), names, heap);
        for (MetricsCoverage.Series series : missing) {
            for (String criterion : series.criteria()) {
                evidence.record(Measurement.of(criterion, "not run · metrics series " + series.name()).notRun(
                        "metric " + series.name() + " (metrics.names." + series.key() + ") is not in the application's " + run.config().metrics().path(),
                        "restore the series, or set metrics.names." + series.key() + " to the application's name for it"
                                + " (Prisma 7 removed $metrics: series taken from it are gone)"));
            }
        }
        evidence.record(Measurement.of("metrics-presence", "mapped metrics series missing from " + run.config().metrics().path())
                .count(missing.size(), MetricsPresence.expected(names, heap))
                .attribute("missing", missing.isEmpty() ? "none" : String.join(", ", missing.stream().map(MetricsCoverage.Series::name).toList())));

        assertThat(missing).as("series of metrics.names missing from %s (each holds the criteria it feeds)", run.config().metrics().path())
                .extracting(series -> series.name() + " (metrics.names." + series.key() + ", feeds " + series.criteria() + ")").isEmpty();
    }
}
