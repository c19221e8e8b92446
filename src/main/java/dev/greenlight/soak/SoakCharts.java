package dev.greenlight.soak;

import dev.greenlight.soak.stats.BoundedSeries;
import dev.greenlight.soak.stats.MemoryTrend;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The soak's pictures, as PNG files beside its other files (headless): latency p50/p95/p99 over time, throughput
 * and error rate, memory with its fitted trend, CPU, the connection pool, and DB query time. Checkpoints and
 * incident starts are marked on every chart (vertical lines labelled "C" and "I#n").
 */
public final class SoakCharts {

    private static final int WIDTH = 1000;
    private static final int HEIGHT = 420;

    private SoakCharts() {
    }

    /** One rendered chart. */
    public record Chart(String title, Path file) {
    }

    /** Renders every chart of {@code result} into {@code dir}. */
    public static List<Chart> render(SoakResult result, Path dir) {
        System.setProperty("java.awt.headless", "true");
        RunTotals t = result.totals();
        List<Chart> charts = new ArrayList<>();
        charts.add(save(dir, "latency", "Latency from intended start (ms)", t, "ms",
                new Line("p50", t.p50), new Line("p95", t.p95), new Line("p99", t.p99)));
        charts.add(save(dir, "throughput-errors", "Throughput (req/s) and error rate (%)", t, "req/s · %",
                new Line("throughput req/s", t.throughput), new Line("error rate %", t.errorRate)));
        XYChart memory = chart("Memory: " + result.memoryMetric() + " per-interval minimum (MB) with fitted trend", "MB");
        double[] xs = t.memory.xs();
        double[] ys = t.memory.ys();
        if (xs.length > 0) {
            double[] mb = new double[ys.length];
            for (int i = 0; i < ys.length; i++) {
                mb[i] = ys[i] / 1e6;
            }
            series(memory, "memory MB", xs, mb);
            trendLine(memory, result.memory(), xs, mb);
        }
        double[] rss = t.resident.ys();
        if (rss.length > 0) {
            double[] mb = new double[rss.length];
            for (int i = 0; i < rss.length; i++) {
                mb[i] = rss[i] / 1e6;
            }
            series(memory, "resident MB (max)", t.resident.xs(), mb);
        }
        charts.add(write(dir, "memory", memory, t));
        charts.add(save(dir, "cpu", "CPU (% of one core)", t, "%", new Line("mean", t.cpu), new Line("peak", t.cpuPeak)));
        charts.add(save(dir, "pool", "Connection pool: peak usage (%) and waiting clients", t, "% · clients",
                new Line("usage % (in use + waiting) / max", t.poolUsage), new Line("waiting clients", t.poolWaiting)));
        charts.add(save(dir, "db-query", "DB query mean time (ms)", t, "ms", new Line("mean query ms", t.dbQuery)));
        return charts;
    }

    private record Line(String name, BoundedSeries series) {
    }

    private static Chart save(Path dir, String file, String title, RunTotals totals, String unit, Line... lines) {
        XYChart chart = chart(title, unit);
        for (Line line : lines) {
            if (line.series.size() > 0) {
                series(chart, line.name, line.series.xs(), line.series.ys());
            }
        }
        return write(dir, file, chart, totals);
    }

    private static XYChart chart(String title, String unit) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle("seconds since start")
                .yAxisTitle(unit).build();
        chart.getStyler().setMarkerSize(3);
        chart.getStyler().setChartTitleBoxVisible(false);
        return chart;
    }

    private static void series(XYChart chart, String name, double[] x, double[] y) {
        XYSeries series = chart.addSeries(name, x, y);
        series.setMarker(SeriesMarkers.NONE);
    }

    private static void trendLine(XYChart chart, MemoryTrend trend, double[] xs, double[] mb) {
        double slope = trend.settled().slope();
        if (Double.isNaN(slope) || xs.length < 2) {
            return;
        }
        int start = xs.length / 2;
        double[] x = {xs[start], xs[xs.length - 1]};
        double[] tail = java.util.Arrays.copyOfRange(mb, start, mb.length);
        java.util.Arrays.sort(tail);
        double level = tail[tail.length / 2];
        double perSecond = slope / 3600.0;
        double mid = (x[0] + x[1]) / 2;
        series(chart, String.format(java.util.Locale.ROOT, "Theil–Sen trend %.2f MB/h (p %.3g)", slope, trend.settled().pValue()),
                x, new double[] {level + perSecond * (x[0] - mid), level + perSecond * (x[1] - mid)});
    }

    private static Chart write(Path dir, String file, XYChart chart, RunTotals totals) {
        if (chart.getSeriesCollection().isEmpty()) {
            series(chart, "no data", new double[] {0}, new double[] {0});
        }
        synchronized (totals) {
            for (double[] checkpoint : totals.checkpoints) {
                chart.addAnnotation(new AnnotationLine(checkpoint[0], true, false));
                chart.addAnnotation(new AnnotationText("C", checkpoint[0], 0, false));
            }
            int n = 0;
            for (double[] incident : totals.incidents) {
                n++;
                chart.addAnnotation(new AnnotationLine(incident[0], true, false));
                chart.addAnnotation(new AnnotationText("I#" + n, incident[0], 0, false));
            }
        }
        Path png = dir.resolve(file + ".png");
        try {
            BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write chart " + png, e);
        }
        return new Chart(chart.getTitle(), png);
    }
}
