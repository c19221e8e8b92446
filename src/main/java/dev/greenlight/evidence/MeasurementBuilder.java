package dev.greenlight.evidence;

import dev.greenlight.evidence.Measurement.Kind;
import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Fluent construction of a {@link Measurement}; pick exactly one of the kind methods. */
public final class MeasurementBuilder {

    private final String criterion;
    private final String name;
    private Kind kind;
    private double value;
    private String unit;
    private long samples;
    private Long events;
    private Double stddev;
    private Double low;
    private Double high;
    private String histogram;
    private Instant from;
    private Instant to;
    private String source;
    private final Map<String, String> attributes = new LinkedHashMap<>();

    MeasurementBuilder(String criterion, String name) {
        this.criterion = criterion;
        this.name = name;
    }

    /** {@code bad} out of {@code total} observations, e.g. HTTP errors out of requests. */
    public MeasurementBuilder rate(long bad, long total) {
        kind = Kind.RATE;
        events = bad;
        samples = total;
        value = total == 0 ? 0.0 : (double) bad / total;
        unit = "ratio";
        return this;
    }

    /** A recorded latency distribution in microseconds; the value is its mean in milliseconds. */
    public MeasurementBuilder distribution(Histogram micros) {
        kind = Kind.DISTRIBUTION;
        histogram = HistogramCodec.encode(micros);
        samples = micros.getTotalCount();
        value = micros.getTotalCount() == 0 ? 0.0 : micros.getMean() / 1000.0;
        stddev = micros.getTotalCount() == 0 ? null : micros.getStdDeviation() / 1000.0;
        unit = "ms";
        return this;
    }

    /** A single figure standing on {@code samples} observations. */
    public MeasurementBuilder value(double measured, String inUnit, long observations) {
        kind = Kind.VALUE;
        value = measured;
        unit = inUnit;
        samples = observations;
        return this;
    }

    /** How many bad things were found among {@code checked} (rows, migrations, connection attempts). */
    public MeasurementBuilder count(long found, long checked) {
        kind = Kind.COUNT;
        value = found;
        unit = "count";
        samples = checked;
        return this;
    }

    /** A check that passed or failed. */
    public MeasurementBuilder check(boolean passed) {
        kind = Kind.CHECK;
        value = passed ? 1 : 0;
        unit = "bool";
        samples = 1;
        return this;
    }

    /**
     * The harness could not run a check: {@code reason} says what was missing, {@code fix} what to do about it. The gate
     * holds the criterion for it (HOLD) instead of judging the application.
     */
    public MeasurementBuilder notRun(String reason, String fix) {
        kind = Kind.NOT_RUN;
        value = 0;
        unit = "count";
        samples = 0;
        attributes.put("reason", reason);
        attributes.put("fix", fix);
        return this;
    }

    /** The target file declares this part out of scope; {@code declaredBy} names the key and file, for the verdict. */
    public MeasurementBuilder outOfScope(String declaredBy) {
        kind = Kind.OUT_OF_SCOPE;
        value = 0;
        unit = "count";
        samples = 0;
        attributes.put("declaredBy", declaredBy);
        return this;
    }

    /** A duration, in seconds, e.g. time to roll back. */
    public MeasurementBuilder duration(Duration took) {
        return value(took.toNanos() / 1e9, "s", 1);
    }

    public MeasurementBuilder stddev(double sd) {
        stddev = sd;
        return this;
    }

    /** The suite's own confidence interval for the value (e.g. a Theil-Sen slope interval). */
    public MeasurementBuilder interval(double lower, double upper) {
        low = lower;
        high = upper;
        return this;
    }

    public MeasurementBuilder window(Instant start, Instant end) {
        from = start;
        to = end;
        return this;
    }

    /** Overrides the source test (normally filled in from the running test). */
    public MeasurementBuilder source(String testFullName) {
        source = testFullName;
        return this;
    }

    public MeasurementBuilder attribute(String key, Object attributeValue) {
        attributes.put(key, String.valueOf(attributeValue));
        return this;
    }

    public Measurement build() {
        if (kind == null) {
            throw new IllegalStateException("measurement '" + name + "' has no kind: call rate, distribution, value, count, check, notRun or outOfScope");
        }
        return new Measurement(null, null, criterion, name, kind, value, unit, samples, events, stddev, low, high,
                histogram, from, to, source, attributes);
    }
}
