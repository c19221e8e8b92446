package dev.greenlight.gate;

import dev.greenlight.config.Durations;

import java.time.Duration;

/**
 * Holds one {@link Estimate} against a criterion's lines. Pure: no I/O.
 *
 * <ol>
 *   <li>ROLLBACK when the whole interval is past the rollback line; NO-GO when it is past the no-go line. Thin
 *       evidence can do this: an interval that is wholly bad already accounts for its few samples.</li>
 *   <li>NOT MET when the whole interval misses the GO line and no worse line is in doubt.</li>
 *   <li>TOO FEW when samples or observed time are below the minimum GO may stand on.</li>
 *   <li>MET when the whole interval is on the good side of the GO line and nothing blocks it (e.g. a failed
 *       test behind it, a drill over its time target).</li>
 *   <li>UNCERTAIN otherwise: the interval lies across a line.</li>
 * </ol>
 */
final class CriterionJudge {

    private CriterionJudge() {
    }

    /** The status and the reason, in the criterion's display unit. */
    record Judgement(CriterionStatus status, String reason) {
    }

    static Judgement judge(CriterionSpec spec, Estimate e, Duration minDuration) {
        if (e.samples() == 0) {
            return new Judgement(CriterionStatus.NO_EVIDENCE, "no " + spec.samplesName() + " recorded");
        }
        for (Threshold line : spec.lines()) {
            if (!Units.compatible(line.unit(), e.unit())) {
                return new Judgement(CriterionStatus.INVALID, "the line '" + line.text() + "' cannot be compared with evidence in '"
                        + e.unit() + "'; fix the unit in the criteria file or the suite");
            }
        }
        String unit = spec.displayUnit(e.unit());
        String sign = spec.statistic().kind() == Statistic.Kind.CHANGE && e.value() > 0 ? "+" : "";
        String measured = sign + Quantities.format(e.value(), e.unit(), unit)
                + (e.hasInterval() ? " (interval " + Quantities.interval(e.low(), e.high(), e.unit(), unit) + ")" : "")
                + (spec.statistic().kind() == Statistic.Kind.COUNT ? " bad of " + Quantities.count(e.samples()) + " " + spec.samplesName() : "");
        if (spec.rollback() != null && spec.rollback().holdsForAll(e.low(), e.high(), e.unit())) {
            return new Judgement(CriterionStatus.ROLLBACK, measured + " is past the ROLLBACK line " + spec.rollback().text());
        }
        if (spec.noGo() != null && spec.noGo().holdsForAll(e.low(), e.high(), e.unit())) {
            boolean rollbackInDoubt = spec.rollback() != null && !spec.rollback().failsForAll(e.low(), e.high(), e.unit());
            return new Judgement(CriterionStatus.NO_GO, measured + " is past the NO-GO line " + spec.noGo().text()
                    + (rollbackInDoubt ? " and may be past the ROLLBACK line " + spec.rollback().text() : ""));
        }
        Threshold doubtful = doubtfulWorseLine(spec, e);
        if (spec.go().failsForAll(e.low(), e.high(), e.unit())) {
            if (doubtful != null) {
                return new Judgement(CriterionStatus.UNCERTAIN, measured + " misses the GO line " + spec.go().text()
                        + " and may be past the line " + doubtful.text() + "; more evidence will tell");
            }
            return new Judgement(CriterionStatus.NOT_MET, measured + " misses the GO line " + spec.go().text());
        }
        String shortfall = shortfall(spec, e, minDuration);
        if (shortfall != null) {
            return new Judgement(CriterionStatus.TOO_FEW, shortfall);
        }
        if (spec.go().holdsForAll(e.low(), e.high(), e.unit())) {
            if (!e.blockers().isEmpty()) {
                return new Judgement(CriterionStatus.NOT_MET, measured + " meets " + spec.go().text() + ", but "
                        + String.join("; ", e.blockers()));
            }
            return new Judgement(CriterionStatus.MET, measured + " meets the GO line " + spec.go().text());
        }
        return new Judgement(CriterionStatus.UNCERTAIN, measured + " lies across the GO line " + spec.go().text()
                + (doubtful != null ? " and the line " + doubtful.text() : "") + "; more evidence will tell");
    }

    private static Threshold doubtfulWorseLine(CriterionSpec spec, Estimate e) {
        for (Threshold line : new Threshold[] {spec.rollback(), spec.noGo()}) {
            if (line != null && !line.failsForAll(e.low(), e.high(), e.unit())) {
                return line;
            }
        }
        return null;
    }

    private static String shortfall(CriterionSpec spec, Estimate e, Duration minDuration) {
        if (e.samples() < spec.minSamples()) {
            return Quantities.count(e.samples()) + " " + spec.samplesName() + ", GO needs at least " + Quantities.count(spec.minSamples());
        }
        if (minDuration != null && e.observed().compareTo(minDuration) < 0) {
            String observed = Durations.format(e.observed());
            if (observed.equals("60.0s") || observed.equals(Durations.format(minDuration))) {
                observed = String.format(java.util.Locale.ROOT, "%.3fs", e.observed().toMillis() / 1000.0);
            }
            return "observed " + (e.observed().isZero() ? "no time window" : observed)
                    + ", GO needs at least " + Durations.format(minDuration) + " of observation";
        }
        return null;
    }
}
