package dev.greenlight.sample.fault;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Strict parsers for the quantities a fault spec carries: durations, percentages, byte sizes, counts. */
public final class Quantities {

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m)");
    private static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\.\\d+)?)%");
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)(b|kb|kib|mb|mib|gb|gib)");
    private static final Pattern COUNT = Pattern.compile("\\d{1,9}");
    private static final Duration MAX_DURATION = Duration.ofMinutes(10);
    private static final long MAX_BYTES = 16L * 1024 * 1024 * 1024;

    private Quantities() {
    }

    /** {@code 300ms}, {@code 1.5s} or {@code 2m}; at most 10 minutes. */
    public static Duration duration(String text) {
        Matcher m = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new FaultSpecException("'" + text + "' is not a duration like 300ms, 1.5s or 2m");
        }
        BigDecimal amount = new BigDecimal(m.group(1));
        BigDecimal millis = switch (m.group(2)) {
            case "ms" -> amount;
            case "s" -> amount.movePointRight(3);
            default -> amount.multiply(BigDecimal.valueOf(60_000));
        };
        if (millis.compareTo(BigDecimal.valueOf(MAX_DURATION.toMillis())) > 0) {
            throw new FaultSpecException("'" + text + "' is longer than the 10 minute limit");
        }
        return Duration.ofNanos(millis.movePointRight(6).longValue());
    }

    /** {@code 3%} or {@code 2.5%} (0 to 100), returned as a fraction (0.03). */
    public static double percent(String text) {
        Matcher m = PERCENT.matcher(text.trim());
        if (!m.matches()) {
            throw new FaultSpecException("'" + text + "' is not a percentage like 3% or 2.5%");
        }
        double value = Double.parseDouble(m.group(1));
        if (value > 100) {
            throw new FaultSpecException("'" + text + "' is more than 100%");
        }
        return value / 100.0;
    }

    /** {@code 16KB}, {@code 8MB}, {@code 1GB} or {@code 512B}; binary multiples (1 KB = 1024 B); at least 1 byte. */
    public static long bytes(String text) {
        Matcher m = SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new FaultSpecException("'" + text + "' is not a size like 16KB, 8MB or 512B");
        }
        long unit = switch (m.group(2)) {
            case "b" -> 1L;
            case "kb", "kib" -> 1024L;
            case "mb", "mib" -> 1024L * 1024;
            default -> 1024L * 1024 * 1024;
        };
        BigDecimal value = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unit));
        if (value.compareTo(BigDecimal.ONE) < 0 || value.compareTo(BigDecimal.valueOf(MAX_BYTES)) > 0) {
            throw new FaultSpecException("'" + text + "' must be between 1B and 16GB");
        }
        return value.longValue();
    }

    /** A whole number, at least 1. */
    public static int positiveCount(String text) {
        String trimmed = text.trim();
        if (!COUNT.matcher(trimmed).matches() || Integer.parseInt(trimmed) < 1) {
            throw new FaultSpecException("'" + text + "' is not a whole number of at least 1");
        }
        return Integer.parseInt(trimmed);
    }
}
