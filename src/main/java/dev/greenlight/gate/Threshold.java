package dev.greenlight.gate;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line a measured value is held against, as written in the criteria file: {@code "< 1%"},
 * {@code "<= 200ms"}, {@code "> 20%"}, {@code "= 0"}. A value with an interval satisfies it only when the whole
 * interval does: {@code "< 1%"} holds for 0.4 %–0.9 %, not for 0.8 %–1.2 %.
 *
 * @param comparison how the value is compared
 * @param limit      the number as written
 * @param unit       its unit as written (see {@link Units}); empty means the measurement's own unit
 * @param text       the line as written, for reports
 */
public record Threshold(Comparison comparison, double limit, String unit, String text) {

    /** Shown in error messages. */
    public static final String EXPECTATION = "a threshold like '< 1%', '<= 200ms', '> 20%', '> 0' or '= 0'";

    private static final Pattern FORM = Pattern.compile("(<=|>=|==|<|>|=)\\s*(-?\\d+(?:\\.\\d+)?)\\s*(\\S*)");

    /** The comparisons a threshold can make. */
    public enum Comparison {
        LESS("<"), AT_MOST("<="), GREATER(">"), AT_LEAST(">="), EQUAL("=");

        private final String symbol;

        Comparison(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    /**
     * Reads a threshold as written in the criteria file.
     *
     * @throws IllegalArgumentException naming what was expected
     */
    public static Threshold parse(String text) {
        Matcher matcher = FORM.matcher(text == null ? "" : text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("expected " + EXPECTATION + ", got '" + text + "'");
        }
        Comparison comparison = switch (matcher.group(1)) {
            case "<" -> Comparison.LESS;
            case "<=" -> Comparison.AT_MOST;
            case ">" -> Comparison.GREATER;
            case ">=" -> Comparison.AT_LEAST;
            default -> Comparison.EQUAL;
        };
        String unit = matcher.group(3);
        if (!Units.known(unit)) {
            throw new IllegalArgumentException("unknown unit '" + unit + "' in '" + text
                    + "'; use %, ratio, us, ms, s, min, h, B, KB, MB, GB, count, or a rate like MB/h");
        }
        return new Threshold(comparison, Double.parseDouble(matcher.group(2)), unit, text.strip());
    }

    /** The limit in {@code measurementUnit}. */
    public double limitIn(String measurementUnit) {
        return Units.convert(limit, unit, measurementUnit);
    }

    /** Whether every value in {@code [low, high]} (in {@code measurementUnit}) satisfies this line. */
    public boolean holdsForAll(double low, double high, String measurementUnit) {
        double line = limitIn(measurementUnit);
        return switch (comparison) {
            case LESS -> high < line;
            case AT_MOST -> high <= line;
            case GREATER -> low > line;
            case AT_LEAST -> low >= line;
            case EQUAL -> low == line && high == line;
        };
    }

    /** Whether no value in {@code [low, high]} satisfies this line: the interval is wholly on its other side. */
    public boolean failsForAll(double low, double high, String measurementUnit) {
        double line = limitIn(measurementUnit);
        return switch (comparison) {
            case LESS -> low >= line;
            case AT_MOST -> low > line;
            case GREATER -> high <= line;
            case AT_LEAST -> high < line;
            case EQUAL -> high < line || low > line;
        };
    }

    /** The unit values judged by this line are best shown in: its own, else the measurement's. */
    public String displayUnit(String measurementUnit) {
        return unit.isEmpty() ? measurementUnit : unit;
    }
}
