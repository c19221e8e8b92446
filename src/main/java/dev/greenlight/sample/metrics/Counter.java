package dev.greenlight.sample.metrics;

import java.util.concurrent.atomic.LongAdder;

/** A monotonically increasing count without labels. */
public final class Counter implements Metric {

    private final String name;
    private final String help;
    private final LongAdder value = new LongAdder();

    public Counter(String name, String help) {
        this.name = name;
        this.help = help;
    }

    public void inc() {
        value.increment();
    }

    public long get() {
        return value.sum();
    }

    @Override
    public void render(StringBuilder out) {
        Metric.header(out, name, help, "counter");
        out.append(name).append(' ').append(value.sum()).append('\n');
    }
}
