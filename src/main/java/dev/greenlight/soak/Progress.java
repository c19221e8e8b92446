package dev.greenlight.soak;

import dev.greenlight.config.Durations;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * The line a soak prints every few seconds so whoever watches knows it is alive and how it goes: elapsed, the
 * achieved rate, the last interval's p95 and error rate, and the time left.
 */
public final class Progress {

    private final PrintStream out;
    private final String profile;
    private final Duration planned;
    private long lastNanos;
    private long lastSent;

    public Progress(PrintStream out, String profile, Duration planned, long startNanos) {
        this.out = out;
        this.profile = profile;
        this.planned = planned;
        this.lastNanos = startNanos;
    }

    /** The progress line for now. */
    public String line(long nowNanos, long startNanos, long sent, double p95Millis, double errorRate) {
        double seconds = (nowNanos - lastNanos) / 1e9;
        double rate = seconds > 0 ? (sent - lastSent) / seconds : 0;
        lastNanos = nowNanos;
        lastSent = sent;
        Duration elapsed = Duration.ofNanos(nowNanos - startNanos);
        Duration left = planned.minus(elapsed);
        return String.format(Locale.ROOT, "[soak %s] %s / %s  rate %.1f/s  p95 %s  errors %.2f%%  left %s",
                profile, clock(elapsed), clock(planned), rate, Double.isNaN(p95Millis) ? "n/a" : String.format(Locale.ROOT, "%.1f ms", p95Millis),
                errorRate * 100, left.isNegative() ? "0s (draining)" : Durations.format(left.isZero() ? Duration.ZERO : left));
    }

    /** Prints {@link #line}. */
    public void print(long nowNanos, long startNanos, long sent, double p95Millis, double errorRate) {
        out.println(line(nowNanos, startNanos, sent, p95Millis, errorRate));
    }

    static String clock(Duration duration) {
        long s = Math.max(0, duration.toSeconds());
        return String.format(Locale.ROOT, "%02d:%02d:%02d", s / 3600, (s % 3600) / 60, s % 60);
    }
}
