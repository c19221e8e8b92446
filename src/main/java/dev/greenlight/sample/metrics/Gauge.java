package dev.greenlight.sample.metrics;

import java.util.function.DoubleSupplier;

/** A value read when scraped; {@code type} is {@code gauge} or {@code counter} (for process CPU time). */
public final class Gauge implements Metric {

    private final String name;
    private final String help;
    private final String type;
    private final DoubleSupplier value;

    public Gauge(String name, String help, DoubleSupplier value) {
        this(name, help, "gauge", value);
    }

    public Gauge(String name, String help, String type, DoubleSupplier value) {
        this.name = name;
        this.help = help;
        this.type = type;
        this.value = value;
    }

    @Override
    public void render(StringBuilder out) {
        Metric.header(out, name, help, type);
        out.append(name).append(' ').append(Metric.format(value.getAsDouble())).append('\n');
    }
}
