package dev.greenlight.critical.api;

import dev.greenlight.evidence.Measurement;
import dev.greenlight.evidence.MeasurementBuilder;
import dev.greenlight.http.HttpSteps;
import org.HdrHistogram.Histogram;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The latency of every call a journey makes, as the {@link HttpSteps} filter saw it: recorded as one
 * distribution per journey (HdrHistogram in microseconds) with each call listed as an attribute
 * ({@code 03 PUT /publish/12} → {@code 200 in 14.2 ms}), so the evidence shows every call, not only the mean.
 */
public final class CallLatencies implements Consumer<HttpSteps.Exchange> {

    private final List<HttpSteps.Exchange> calls = new CopyOnWriteArrayList<>();

    @Override
    public void accept(HttpSteps.Exchange exchange) {
        calls.add(exchange);
    }

    public List<HttpSteps.Exchange> calls() {
        return List.copyOf(calls);
    }

    /** The measurement for the calls so far, or empty when there were none. */
    public Optional<MeasurementBuilder> measurement(String criterion, String name) {
        List<HttpSteps.Exchange> seen = calls();
        if (seen.isEmpty()) {
            return Optional.empty();
        }
        Histogram micros = new Histogram(3);
        seen.forEach(call -> micros.recordValue(Math.max(1, Math.round(call.millis() * 1000))));
        MeasurementBuilder builder = Measurement.of(criterion, name).distribution(micros)
                .attribute("p95 ms", String.format(Locale.ROOT, "%.1f", micros.getValueAtPercentile(95) / 1000.0))
                .attribute("max ms", String.format(Locale.ROOT, "%.1f", micros.getMaxValue() / 1000.0));
        int width = String.valueOf(seen.size()).length();
        for (int i = 0; i < seen.size(); i++) {
            HttpSteps.Exchange call = seen.get(i);
            builder.attribute(String.format(Locale.ROOT, "%0" + width + "d %s %s", i + 1, call.method(), call.path()),
                    (call.status() == 0 ? "no answer" : String.valueOf(call.status()))
                            + String.format(Locale.ROOT, " in %.1f ms", call.millis()));
        }
        return Optional.of(builder);
    }
}
