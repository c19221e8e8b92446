package dev.greenlight.soak.monitor;

import java.util.HashMap;
import java.util.Map;

/**
 * Reads the Prometheus text exposition format (0.0.4) just far enough for monitoring: the value of every sample,
 * summed over its label sets by metric name. Comments, timestamps and malformed lines are skipped, never fatal;
 * a histogram is read through its {@code _sum} and {@code _count} series.
 */
public final class PrometheusText {

    private final Map<String, Double> sums;

    private PrometheusText(Map<String, Double> sums) {
        this.sums = sums;
    }

    public static PrometheusText parse(String text) {
        Map<String, Double> sums = new HashMap<>();
        int at = 0;
        int length = text.length();
        while (at < length) {
            int end = text.indexOf('\n', at);
            if (end < 0) {
                end = length;
            }
            readLine(text, at, end, sums);
            at = end + 1;
        }
        return new PrometheusText(sums);
    }

    private static void readLine(String text, int start, int end, Map<String, Double> sums) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        if (start >= end || text.charAt(start) == '#') {
            return;
        }
        int nameEnd = start;
        while (nameEnd < end && isNameChar(text.charAt(nameEnd))) {
            nameEnd++;
        }
        if (nameEnd == start) {
            return;
        }
        String name = text.substring(start, nameEnd);
        int valueStart = nameEnd;
        if (valueStart < end && text.charAt(valueStart) == '{') {
            valueStart = closingBrace(text, valueStart, end);
            if (valueStart < 0) {
                return;
            }
        }
        while (valueStart < end && Character.isWhitespace(text.charAt(valueStart))) {
            valueStart++;
        }
        int valueEnd = valueStart;
        while (valueEnd < end && !Character.isWhitespace(text.charAt(valueEnd))) {
            valueEnd++;
        }
        if (valueEnd == valueStart) {
            return;
        }
        double value;
        try {
            value = parseValue(text.substring(valueStart, valueEnd));
        } catch (NumberFormatException e) {
            return;
        }
        sums.merge(name, value, Double::sum);
    }

    /** Index just past the label set's closing brace, honouring quoted values with escapes; -1 when unclosed. */
    private static int closingBrace(String text, int open, int end) {
        boolean quoted = false;
        for (int i = open + 1; i < end; i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == '}') {
                return i + 1;
            }
        }
        return -1;
    }

    private static double parseValue(String raw) {
        return switch (raw) {
            case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> Double.parseDouble(raw);
        };
    }

    private static boolean isNameChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == ':';
    }

    /** The sum of every sample named {@code name}, or NaN when there is none. */
    public double value(String name) {
        Double sum = sums.get(name);
        return sum == null ? Double.NaN : sum;
    }

    public boolean has(String name) {
        return sums.containsKey(name);
    }

    /** A histogram's or summary's total observed value ({@code name_sum}). */
    public double histogramSum(String name) {
        return value(name + "_sum");
    }

    /** A histogram's or summary's observation count ({@code name_count}). */
    public double histogramCount(String name) {
        return value(name + "_count");
    }
}
