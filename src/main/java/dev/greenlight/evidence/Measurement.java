package dev.greenlight.evidence;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One measurement a suite records for the gate: what was measured, for which criterion, how much of it,
 * and over which window. Suites record; only the gate judges.
 *
 * <p>How the gate combines measurements of one criterion depends on {@link Kind}: rates sum their
 * {@code events} over {@code samples}; distributions merge their histograms; counts add up; values carry
 * their own spread ({@code stddev}) or interval ({@code low}..{@code high}).
 *
 * @param runId     the run that produced it
 * @param target    the target name the run was pointed at
 * @param criterion the criterion id it serves, e.g. {@code error-rate} (see {@code suites/go-no-go.yaml})
 * @param name      what was measured, for a human: {@code "GET /feed latency"}
 * @param kind      how the gate combines and judges it
 * @param value     the measured value in {@code unit} (a rate as a fraction 0..1)
 * @param unit      {@code ms}, {@code s}, {@code ratio}, {@code bytes}, {@code count}, {@code bool} ...
 * @param samples   how many observations the value stands on (requests, scrapes, rows, checks)
 * @param events    for {@link Kind#RATE}: how many of {@code samples} were bad (errors); otherwise null
 * @param stddev    standard deviation of the observations, when known
 * @param low       lower bound of the suite's own confidence interval, when it computed one
 * @param high      upper bound of that interval
 * @param histogram for {@link Kind#DISTRIBUTION}: a base64 compressed HdrHistogram of the observations in
 *                  microseconds ({@code HistogramCodec}); otherwise null
 * @param from      start of the observation window
 * @param to        end of the observation window
 * @param source    the test that produced it, as Allure's full name {@code package.Class.method}
 * @param attributes anything else worth showing next to it (threshold hints, endpoint, incident id)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Measurement(
        String runId,
        String target,
        String criterion,
        String name,
        Kind kind,
        double value,
        String unit,
        long samples,
        Long events,
        Double stddev,
        Double low,
        Double high,
        String histogram,
        Instant from,
        Instant to,
        String source,
        Map<String, String> attributes) {

    /** How the gate combines measurements of one criterion. */
    public enum Kind {
        /** {@code events} bad out of {@code samples}; judged with a Wilson interval. */
        RATE,
        /** A latency-like distribution carried as an HdrHistogram; judged by mean or percentile with an interval. */
        DISTRIBUTION,
        /** A single figure (an average, a peak, a ratio against a baseline) with optional spread or interval. */
        VALUE,
        /** A number of bad things found (rows lost, failed migrations, connection failures); summed. */
        COUNT,
        /** A check that passed ({@code value} 1) or failed ({@code value} 0). */
        CHECK,
        /**
         * Not a measurement of the application: the harness could not run a check serving the criterion (no browser,
         * a probe without rights, an unreadable metrics endpoint). Attributes {@code reason} and {@code fix}; the gate
         * holds the criterion (HOLD), never blames the application for it.
         */
        NOT_RUN,
        /**
         * Not a measurement of the application: the target file declares this part out of scope (e.g. an API-only
         * service, {@code browser.enabled: false}). Attribute {@code declaredBy}; the gate states it beside the criterion.
         */
        OUT_OF_SCOPE;

        /** Whether this kind is a fact about the run rather than a measurement of the application. */
        public boolean aboutTheRun() {
            return this == NOT_RUN || this == OUT_OF_SCOPE;
        }
    }

    public Measurement {
        Objects.requireNonNull(criterion, "criterion");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(unit, "unit");
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        if (samples < 0) {
            throw new IllegalArgumentException("samples must be >= 0, got " + samples);
        }
        if (kind == Kind.RATE && (events == null || events < 0 || events > samples)) {
            throw new IllegalArgumentException("a RATE needs 0 <= events <= samples, got " + events + "/" + samples);
        }
    }

    /** Starts a measurement for {@code criterion}; run, target and source are filled in when it is recorded. */
    public static MeasurementBuilder of(String criterion, String name) {
        return new MeasurementBuilder(criterion, name);
    }

    /** A copy stamped with where it came from. */
    public Measurement withOrigin(String runId, String target, String source) {
        return new Measurement(runId, target, criterion, name, kind, value, unit, samples, events, stddev, low, high,
                histogram, from, to, this.source != null ? this.source : source, attributes);
    }
}
