package dev.greenlight.gate;

import java.util.Locale;

/** How the gate writes numbers for people: in the criterion's unit, with sensible precision. */
public final class Quantities {

    private static final int MAX_DECIMALS = 6;

    private Quantities() {
    }

    /** {@code value} (in {@code unit}) written in {@code display}: {@code 0.42 %}, {@code 182 ms}, {@code 12,345}. */
    public static String format(double value, String unit, String display) {
        return format(value, unit, display, 0);
    }

    /**
     * {@code low – high} written in {@code display}, with unbounded ends said in words. Narrow intervals get more
     * decimals, so the two ends never read the same.
     */
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
        int extra = 0;
        while (extra < MAX_DECIMALS && low != high && format(low, unit, display, extra).equals(format(high, unit, display, extra))) {
            extra++;
        }
        return format(low, unit, display, extra) + " – " + format(high, unit, display, extra);
    }

    /** A count with thousands separators: {@code 123,456}. */
    public static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    private static String format(double value, String unit, String display, int extraDecimals) {
        String shown = display == null || display.isBlank() || !Units.compatible(unit, display) ? unit : display;
        return number(Units.convert(value, unit, shown), shown, extraDecimals) + suffix(shown);
    }

    private static String number(double value, String unit, int extraDecimals) {
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
        int decimals;
        if (magnitude == 0 || magnitude >= 100) {
            decimals = 0;
        } else if (magnitude >= 10) {
            decimals = 1;
        } else if (magnitude >= 1) {
            decimals = 2;
        } else {
            decimals = Math.min(MAX_DECIMALS, 2 - (int) Math.floor(Math.log10(magnitude)));
        }
        decimals = Math.min(MAX_DECIMALS, decimals + extraDecimals);
        return String.format(Locale.ROOT, magnitude >= 1000 ? "%,." + decimals + "f" : "%." + decimals + "f", value);
    }

    private static String suffix(String unit) {
        if (unit == null || unit.isBlank() || unit.equals("count") || unit.equals("ratio") || unit.equals("fraction")
                || unit.equals("bool")) {
            return "";
        }
        return unit.equals("%") ? " %" : " " + unit;
    }
}
