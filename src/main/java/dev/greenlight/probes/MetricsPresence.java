package dev.greenlight.probes;

import dev.greenlight.config.MetricsConfig;
import dev.greenlight.soak.monitor.MetricsCoverage;
import dev.greenlight.soak.monitor.PrometheusText;

import java.util.List;

/**
 * Which series of {@code metrics.names} one scrape of {@code /metrics} lacks, with the criteria each feeds — the mapping
 * the soak's {@link MetricsCoverage} uses. Prisma 7 removed the {@code $metrics} preview, so series an application (or a
 * dashboard) took from it may be gone after the upgrade. A series mapped to an empty name is not expected.
 */
public final class MetricsPresence {

    private MetricsPresence() {
    }

    /** The series of {@code names} that {@code text} does not carry (as a sample, or as a histogram). */
    public static List<MetricsCoverage.Series> missing(PrometheusText text, MetricsConfig.MetricNames names, boolean heapMemory) {
        return MetricsCoverage.mapping(names, heapMemory).stream()
                .filter(series -> !series.name().isBlank())
                .filter(series -> !text.has(series.name()) && Double.isNaN(text.histogramCount(series.name())))
                .toList();
    }

    /** How many series are expected at all. */
    public static long expected(MetricsConfig.MetricNames names, boolean heapMemory) {
        return MetricsCoverage.mapping(names, heapMemory).stream().filter(series -> !series.name().isBlank()).count();
    }
}
