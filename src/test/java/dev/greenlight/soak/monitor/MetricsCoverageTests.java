package dev.greenlight.soak.monitor;

import dev.greenlight.config.MetricsConfig;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Metrics coverage: a criterion whose metric was never read is not run, with the key to fix")
class MetricsCoverageTests {

    private static final MetricsConfig.MetricNames NAMES = new MetricsConfig(null, null).names();
    private static final String URL = "http://127.0.0.1:3000/metrics";

    @Test
    @DisplayName("every series read at least once: no gap")
    void shouldReportNoGapWhenEverySeriesWasRead() {
        MetricsCoverage coverage = new MetricsCoverage(URL, NAMES, true);
        coverage.accept(TargetReading.failed(1, 1, "metrics answered 503"));
        coverage.accept(reading(Double.NaN));
        coverage.accept(reading(10));

        assertThat(coverage.gaps()).isEmpty();
    }

    @Test
    @DisplayName("every scrape failed: cpu, pool-usage, memory and memory-rss not run, naming the last failure and metrics.path")
    void shouldReportEveryMetricsCriterionWhenNoScrapeSucceeded() {
        MetricsCoverage coverage = new MetricsCoverage(URL, NAMES, true);
        coverage.accept(TargetReading.failed(1, 1, "metrics answered 404"));
        coverage.accept(TargetReading.failed(2, 2, "metrics answered 404"));

        assertThat(coverage.gaps()).extracting(MetricsCoverage.Gap::criterion).containsExactly("cpu", "pool-usage", "memory", "memory-rss");
        assertThat(coverage.gaps().get(0).reason()).isEqualTo("none of 2 scrapes of " + URL + " succeeded (last: metrics answered 404)");
        assertThat(coverage.gaps().get(0).fix()).contains("metrics.path");
    }

    @Test
    @DisplayName("a series the app does not expose under its configured name: that criterion only, naming the key")
    void shouldNameTheKeyOfAMissingSeries() {
        MetricsCoverage coverage = new MetricsCoverage(URL, NAMES, true);
        coverage.accept(reading(Double.NaN));

        assertThat(coverage.gaps()).singleElement().satisfies(gap -> {
            assertThat(gap.criterion()).isEqualTo("pool-usage");
            assertThat(gap.reason()).isEqualTo("metric pg_pool_total_connections was in none of 1 answers of " + URL);
            assertThat(gap.fix()).contains("metrics.names.poolTotal");
        });
        assertThat(new MetricsCoverage(URL, NAMES, true).gaps()).as("no scrape at all (the soak never started): nothing to say").isEmpty();
    }

    private static TargetReading reading(double poolTotal) {
        return new TargetReading(1, 1, true, null, 1e8, 5e7, 1.5, 10, poolTotal, 2, 0, 0, Double.NaN, Double.NaN);
    }
}
