package dev.greenlight.soak.monitor;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

@DisplayName("Prometheus text: values summed over label sets, histograms through _sum and _count")
class PrometheusTextTests {

    private static final String TEXT = """
            # HELP process_cpu_seconds_total Total CPU.
            # TYPE process_cpu_seconds_total counter
            process_cpu_seconds_total 12.5
            nodejs_heap_size_used_bytes 1.5e7
            db_query_duration_seconds_bucket{model="Post",operation="findMany",le="0.01"} 3
            db_query_duration_seconds_sum{model="Post",operation="findMany"} 0.25
            db_query_duration_seconds_count{model="Post",operation="findMany"} 10
            db_query_duration_seconds_sum{model="User",operation="create"} 0.05 1700000000000
            db_query_duration_seconds_count{model="User",operation="create"} 2
            http_request_duration_seconds_count{route="/post/{id}",note="a \\"quoted}\\" label"} 7
            pg_pool_waiting_clients NaN
            this line is not a sample
            """;

    @Test
    @DisplayName("reads counters, gauges in exponent form, and sums series across labels (timestamps ignored)")
    void shouldSumSeriesAcrossLabels() {
        PrometheusText text = PrometheusText.parse(TEXT);

        assertThat(text.value("process_cpu_seconds_total")).as("cpu seconds").isEqualTo(12.5);
        assertThat(text.value("nodejs_heap_size_used_bytes")).as("heap").isEqualTo(1.5e7);
        assertThat(text.histogramSum("db_query_duration_seconds")).as("query seconds").isCloseTo(0.30, within(1e-9));
        assertThat(text.histogramCount("db_query_duration_seconds")).as("queries").isEqualTo(12);
        assertThat(text.histogramCount("http_request_duration_seconds")).as("label with quotes and braces").isEqualTo(7);
    }

    @Test
    @DisplayName("a metric the target does not expose is NaN, never zero")
    void shouldReportMissingAsNaN() {
        PrometheusText text = PrometheusText.parse(TEXT);

        assertThat(text.value("pg_pool_max_connections")).as("absent metric").isNaN();
        assertThat(text.value("pg_pool_waiting_clients")).as("NaN sample").isNaN();
    }
}
