package dev.greenlight.soak;

import dev.greenlight.evidence.Measurement;
import dev.greenlight.soak.stats.Wilson;

import java.util.List;
import java.util.Locale;

/**
 * The lines applied to soak evidence the way DESIGN §5 says the gate applies them: a rate or a ratio is
 * judged by its interval (GO wholly on the good side, NO-GO and ROLLBACK wholly past their line, HOLD otherwise).
 * The self-tests' stand-in for the gate's verdict per criterion while {@code dev.greenlight.gate} is not on main.
 */
final class Judged {

    /** A criterion's decision. */
    enum Decision { GO, HOLD, NO_GO, ROLLBACK }

    private Judged() {
    }

    /** error-rate: pooled over the intervals, Wilson 95 %; GO &lt; 1 %, NO-GO &gt; 2 %, ROLLBACK &gt; 5 %. */
    static Decision errorRate(List<Measurement> rates) {
        long errors = rates.stream().mapToLong(m -> m.events() == null ? 0 : m.events()).sum();
        long requests = rates.stream().mapToLong(Measurement::samples).sum();
        double low = Wilson.low(errors, requests, 0.95);
        double high = Wilson.high(errors, requests, 0.95);
        return low > 0.05 ? Decision.ROLLBACK : low > 0.02 ? Decision.NO_GO : high < 0.01 ? Decision.GO : Decision.HOLD;
    }

    /** memory: the growth slope's interval against 5 MB/h; NO-GO when surely above, GO when surely below. */
    static Decision memory(Measurement trend) {
        return trend.low() > 5 ? Decision.NO_GO : trend.high() < 5 ? Decision.GO : Decision.HOLD;
    }

    /** baseline: each ratio's interval, worst decides; GO within 10 %, NO-GO &gt; 20 %, ROLLBACK &gt; 50 %. */
    static Decision baseline(List<Measurement> ratios) {
        if (ratios.isEmpty()) {
            return Decision.HOLD;
        }
        if (ratios.stream().anyMatch(m -> m.low() - 1 > 0.50)) {
            return Decision.ROLLBACK;
        }
        if (ratios.stream().anyMatch(m -> m.low() - 1 > 0.20)) {
            return Decision.NO_GO;
        }
        return ratios.stream().allMatch(m -> m.high() - 1 < 0.10) ? Decision.GO : Decision.HOLD;
    }

    /** pool-usage: the peak over the run; GO below 80 %. */
    static double poolPeak(List<Measurement> peaks) {
        return peaks.stream().mapToDouble(Measurement::value).max().orElse(Double.NaN);
    }

    /** db-query-avg: the per-interval means weighted by their query counts; GO below 50 ms. */
    static double dbQueryMean(List<Measurement> means) {
        double queries = means.stream().mapToDouble(Measurement::samples).sum();
        return means.stream().mapToDouble(m -> m.value() * m.samples()).sum() / queries;
    }

    static String format(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.4g", value);
    }
}
