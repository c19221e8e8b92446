package dev.greenlight.config;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the durations people write in YAML: {@code 500ms}, {@code 30s}, {@code 2m}, {@code 24h}, {@code 2d}, or ISO {@code PT30S}. */
public final class Durations {

    private static final Pattern SIMPLE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h|d)");

    /** Shown in error messages. */
    public static final String EXPECTATION = "a duration like 500ms, 30s, 2m, 24h or 2d";

    private Durations() {
    }

    public static Duration parse(String text) {
        String trimmed = text.trim().toLowerCase(Locale.ROOT);
        Matcher matcher = SIMPLE.matcher(trimmed);
        if (matcher.matches()) {
            double amount = Double.parseDouble(matcher.group(1));
            long unitNanos = switch (matcher.group(2)) {
                case "ms" -> 1_000_000L;
                case "s" -> 1_000_000_000L;
                case "m" -> 60_000_000_000L;
                case "h" -> 3_600_000_000_000L;
                default -> 86_400_000_000_000L;
            };
            return Duration.ofNanos(Math.round(amount * unitNanos));
        }
        if (trimmed.startsWith("pt") || trimmed.startsWith("p")) {
            try {
                return Duration.parse(text.trim());
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("expected " + EXPECTATION + ", got '" + text + "'");
            }
        }
        throw new IllegalArgumentException("expected " + EXPECTATION + ", got '" + text + "'");
    }

    /** The shortest readable form: {@code 1.5s}, {@code 250ms}, {@code 2m}, {@code 1h30m}. */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + "ms";
        }
        if (millis < 60_000) {
            double seconds = millis / 1000.0;
            return (seconds == Math.rint(seconds) ? String.valueOf((long) seconds) : String.format(Locale.ROOT, "%.1f", seconds)) + "s";
        }
        long totalSeconds = duration.toSeconds();
        long h = totalSeconds / 3600;
        long m = (totalSeconds % 3600) / 60;
        long s = totalSeconds % 60;
        StringBuilder out = new StringBuilder();
        if (h > 0) {
            out.append(h).append('h');
        }
        if (m > 0) {
            out.append(m).append('m');
        }
        if (s > 0 && h == 0) {
            out.append(s).append('s');
        }
        return out.toString();
    }
}
