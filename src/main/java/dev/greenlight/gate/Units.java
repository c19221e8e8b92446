package dev.greenlight.gate;

import java.util.Locale;
import java.util.Map;

/**
 * The units criteria and measurements are written in, and conversion between them, so a threshold written
 * {@code "< 1%"} can be held against a rate recorded as a fraction and {@code "< 0.2s"} against a latency in ms.
 *
 * <p>Families: fractions ({@code %}, {@code ratio}, {@code cores} — a fraction of one CPU core), time ({@code us}, {@code ms}, {@code s}, {@code min},
 * {@code h}, {@code d}), size ({@code B}, {@code KB}, {@code MB}, {@code GB}, binary multiples), counts
 * ({@code count}, {@code bool}) and rates of one over another ({@code MB/h}). An empty unit means "the
 * measurement's own unit". Lookup ignores case, except that {@code m} alone is not accepted (minutes or metres?).
 */
public final class Units {

    private record Unit(String family, double factor) {
    }

    private static final Map<String, Unit> UNITS = Map.ofEntries(
            Map.entry("%", new Unit("fraction", 0.01)),
            Map.entry("ratio", new Unit("fraction", 1)),
            Map.entry("fraction", new Unit("fraction", 1)),
            Map.entry("x", new Unit("fraction", 1)),
            Map.entry("cores", new Unit("fraction", 1)),
            Map.entry("core", new Unit("fraction", 1)),
            Map.entry("us", new Unit("time", 1e-6)),
            Map.entry("µs", new Unit("time", 1e-6)),
            Map.entry("ms", new Unit("time", 1e-3)),
            Map.entry("s", new Unit("time", 1)),
            Map.entry("min", new Unit("time", 60)),
            Map.entry("h", new Unit("time", 3600)),
            Map.entry("d", new Unit("time", 86400)),
            Map.entry("b", new Unit("size", 1)),
            Map.entry("bytes", new Unit("size", 1)),
            Map.entry("kb", new Unit("size", 1024)),
            Map.entry("mb", new Unit("size", 1024 * 1024)),
            Map.entry("gb", new Unit("size", 1024 * 1024 * 1024)),
            Map.entry("count", new Unit("count", 1)),
            Map.entry("bool", new Unit("count", 1)));

    private Units() {
    }

    /** Whether {@code unit} is one this class understands (empty counts). */
    public static boolean known(String unit) {
        return unit == null || unit.isEmpty() || lookup(unit) != null;
    }

    /** Whether values in {@code a} can be converted to {@code b}. */
    public static boolean compatible(String a, String b) {
        if (isBlank(a) || isBlank(b) || a.equals(b)) {
            return true;
        }
        Unit ua = lookup(a);
        Unit ub = lookup(b);
        return ua != null && ub != null && ua.family().equals(ub.family());
    }

    /**
     * {@code value} in unit {@code from}, expressed in unit {@code to}. Blank on either side means no conversion.
     *
     * @throws IllegalArgumentException when the two are not of one family, e.g. ms and %
     */
    public static double convert(double value, String from, String to) {
        if (isBlank(from) || isBlank(to) || from.equals(to) || Double.isInfinite(value)) {
            return value;
        }
        Unit source = lookup(from);
        Unit target = lookup(to);
        if (source == null || target == null || !source.family().equals(target.family())) {
            throw new IllegalArgumentException("cannot compare '" + from + "' with '" + to + "'");
        }
        return value * source.factor() / target.factor();
    }

    private static Unit lookup(String unit) {
        String key = unit.strip().toLowerCase(Locale.ROOT);
        int slash = key.indexOf('/');
        if (slash > 0) {
            Unit over = UNITS.get(key.substring(0, slash).strip());
            Unit per = UNITS.get(key.substring(slash + 1).strip());
            if (over == null || per == null || !per.family().equals("time")) {
                return null;
            }
            return new Unit(over.family() + "/time", over.factor() / per.factor());
        }
        return UNITS.get(key);
    }

    private static boolean isBlank(String unit) {
        return unit == null || unit.isBlank();
    }
}
