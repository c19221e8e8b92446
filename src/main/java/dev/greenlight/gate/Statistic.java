package dev.greenlight.gate;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a criterion computes from its evidence before holding it against the thresholds.
 *
 * @param kind       the computation
 * @param percentile for {@link Kind#PERCENTILE}, the percentile in (0, 100), e.g. 95; otherwise 0
 */
public record Statistic(Kind kind, double percentile) {

    private static final Pattern PERCENTILE = Pattern.compile("p(\\d{1,2}(?:\\.\\d+)?)");

    /** Shown in error messages. */
    public static final String EXPECTATION = "one of rate, mean, p50..p99.9 (e.g. p95), max, value, change, count, pass-rate, sign-off";

    /** The computations. */
    public enum Kind {
        /** Bad events over samples (RATE measurements), with a Wilson interval. */
        RATE,
        /** Mean of a latency distribution or a sample-weighted mean of values, with an interval. */
        MEAN,
        /** A percentile of the merged latency distributions, with an order-statistic interval. */
        PERCENTILE,
        /** The peak of the values: an observed maximum, judged as it is. */
        MAX,
        /** A value with the suite's own interval ({@code low}..{@code high}), e.g. a memory growth slope. */
        VALUE,
        /** A ratio against a baseline as a relative change (ratio 1.12 = +12 %), with the suite's interval. */
        CHANGE,
        /** Bad things found: COUNT values summed, a failed CHECK counts one; judged as counted. */
        COUNT,
        /** Passed over passed + failed + broken acceptance test results: a census, judged as counted. */
        PASS_RATE,
        /** The roles' decisions in the sign-off file. */
        SIGN_OFF
    }

    /** Reads {@code rate}, {@code mean}, {@code p95} ...; null when the text is none of them. */
    static Statistic parse(String text) {
        String key = text.strip().toLowerCase(Locale.ROOT);
        Matcher percentile = PERCENTILE.matcher(key);
        if (percentile.matches()) {
            double p = Double.parseDouble(percentile.group(1));
            return p > 0 && p < 100 ? new Statistic(Kind.PERCENTILE, p) : null;
        }
        for (Kind kind : Kind.values()) {
            if (kind.name().toLowerCase(Locale.ROOT).replace('_', '-').equals(key)) {
                return kind == Kind.PERCENTILE ? null : new Statistic(kind, 0);
            }
        }
        return null;
    }

    /** As written in the criteria file. */
    public String label() {
        if (kind == Kind.PERCENTILE) {
            return "p" + (percentile == Math.rint(percentile) ? String.valueOf((long) percentile) : String.valueOf(percentile));
        }
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
