package dev.greenlight.critical.api;

import dev.greenlight.evidence.HistogramCodec;
import dev.greenlight.evidence.Measurement;
import dev.greenlight.http.HttpSteps;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CallLatenciesTests {

    @Test
    void shouldRecordEveryCallOfAJourneyAsOneDistribution() {
        CallLatencies latencies = new CallLatencies();
        latencies.accept(new HttpSteps.Exchange("POST", "/signup", 200, 12.5));
        latencies.accept(new HttpSteps.Exchange("PUT", "/publish/7", 500, 30.0));
        latencies.accept(new HttpSteps.Exchange("GET", "/feed?searchString=x", 0, 3000.0));

        Measurement measurement = latencies.measurement("critical-features", "API call latency · journey").orElseThrow().build();

        assertThat(measurement.kind()).isEqualTo(Measurement.Kind.DISTRIBUTION);
        assertThat(measurement.samples()).isEqualTo(3);
        assertThat(measurement.unit()).isEqualTo("ms");
        assertThat(measurement.value()).as("mean in ms").isCloseTo((12.5 + 30 + 3000) / 3, org.assertj.core.data.Percentage.withPercentage(1));
        assertThat(HistogramCodec.decode(measurement.histogram()).getMaxValue()).as("max in µs").isBetween(2_990_000L, 3_010_000L);
        assertThat(measurement.attributes()).containsEntry("1 POST /signup", "200 in 12.5 ms")
                .containsEntry("2 PUT /publish/7", "500 in 30.0 ms")
                .containsEntry("3 GET /feed?searchString=x", "no answer in 3000.0 ms");
    }

    @Test
    void shouldRecordNothingForAJourneyWithoutCalls() {
        assertThat(new CallLatencies().measurement("critical-features", "none")).isEmpty();
    }
}
