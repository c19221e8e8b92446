package dev.greenlight.gate;

import java.util.Locale;

/** How the gate writes numbers for people: in the criterion's unit, with sensible precision. */
public final class Quantities {

    private Quantities() {
    }

    /** {@code value} (in {@code unit}) written in {@code display}: {@code 0.42 %}, {@code 182 ms}, {@code 12,345}. */
    public static String format(double value, String unit, String display) {
        String shown = display == null || display.isBlank() ? unit : display;
        double converted = Units.compatible(unit, shown) ? Units.convert(value, unit, shown) : value;
        if (!Units.compatible(unit, shown)) {
            shown = unit;
        }
        return number(converted, shown) + suffix(shown);
    }

    /** {@code low – high} written in {@code display}, with unbounded ends said in words. */
    public static String interval(double low, double high, String unit, String display) {
        boolean noLow = Double.isInfinite(low);
        boolean noHigh = Double.isInfinite(high);
        if (noLow && noHigh) {
            return "unbounded";
        }
        if (noLow) {
            return "up to " + format(high, unit, display) + " (no lower bound)";
        }
        if (noHigh) {
            return "from " + format(low, unit, display) + " (no upper bound)";
        }
        return format(low, unit, display) + " – " + format(high, unit, display);
    }

    /** A count with thousands separators: {@code 123,456}. */
    public static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    private static String number(double value, String unit) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "∞" : "−∞";
        }
        if (("count".equals(unit) || "bool".equals(unit)) && value == Math.rint(value)) {
            return count((long) value);
        }
        double magnitude = Math.abs(value);
        String pattern;
        if (magnitude == 0) {
            pattern = "%.0f";
        } else if (magnitude >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", value);
        } else if (magnitude >= 100) {
            pattern = "%.0f";
        } else if (magnitude >= 10) {
            pattern = "%.1f";
        } else if (magnitude >= 1) {
            pattern = "%.2f";
        } else {
            int decimals = Math.min(6, 2 - (int) Math.floor(Math.log10(magnitude)));
            pattern = "%." + decimals + "f";
        }
        return String.format(Locale.ROOT, pattern, value);
    }

    private static String suffix(String unit) {
        if (unit == null || unit.isBlank() || unit.equals("count") || unit.equals("ratio") || unit.equals("fraction")
                || unit.equals("bool")) {
            return "";
        }
        return unit.equals("%") ? " %" : " " + unit;
    }
}
