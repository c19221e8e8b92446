package dev.greenlight.sample.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/** A labelled histogram with fixed upper bounds, rendered cumulatively with {@code +Inf}, sum and count. */
public final class Histogram implements Metric {

    private final String name;
    private final String help;
    private final List<String> labelNames;
    private final double[] bounds;
    private final Map<List<String>, Child> children = new ConcurrentSkipListMap<>(Histogram::compareLabels);
    private final Map<List<String>, Child> index = new ConcurrentHashMap<>();

    public Histogram(String name, String help, List<String> labelNames, double... bounds) {
        this.name = name;
        this.help = help;
        this.labelNames = List.copyOf(labelNames);
        this.bounds = bounds.clone();
        Arrays.sort(this.bounds);
    }

    /** Records one observation (seconds) for the given label values, in the order of the label names. */
    public void observe(double value, String... labelValues) {
        if (labelValues.length != labelNames.size()) {
            throw new IllegalArgumentException(name + " expects labels " + labelNames);
        }
        List<String> key = List.of(labelValues);
        Child child = index.computeIfAbsent(key, k -> {
            Child c = new Child(bounds.length);
            children.put(k, c);
            return c;
        });
        int bucket = Arrays.binarySearch(bounds, value);
        if (bucket < 0) {
            bucket = -bucket - 1;
        }
        child.counts[bucket].increment();
        child.sum.add(value);
    }

    /** Total observations across all label values (handy in tests). */
    public long count() {
        long total = 0;
        for (Child c : index.values()) {
            for (LongAdder a : c.counts) {
                total += a.sum();
            }
        }
        return total;
    }

    @Override
    public void render(StringBuilder out) {
        Metric.header(out, name, help, "histogram");
        for (Map.Entry<List<String>, Child> entry : children.entrySet()) {
            String labels = labels(entry.getKey());
            Child child = entry.getValue();
            long cumulative = 0;
            for (int i = 0; i <= bounds.length; i++) {
                cumulative += child.counts[i].sum();
                String le = i < bounds.length ? Metric.format(bounds[i]) : "+Inf";
                out.append(name).append("_bucket{").append(labels).append(labels.isEmpty() ? "" : ",")
                        .append("le=\"").append(le).append("\"} ").append(cumulative).append('\n');
            }
            String braces = labels.isEmpty() ? "" : "{" + labels + "}";
            out.append(name).append("_sum").append(braces).append(' ').append(Metric.format(child.sum.sum())).append('\n');
            out.append(name).append("_count").append(braces).append(' ').append(cumulative).append('\n');
        }
    }

    private String labels(List<String> values) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < labelNames.size(); i++) {
            parts.add(labelNames.get(i) + "=\"" + Metric.escape(values.get(i)) + "\"");
        }
        return String.join(",", parts);
    }

    private static int compareLabels(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static final class Child {
        final LongAdder[] counts;
        final DoubleAdder sum = new DoubleAdder();

        Child(int bounds) {
            counts = new LongAdder[bounds + 1];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = new LongAdder();
            }
        }
    }
}
