package dev.greenlight.soak.load;

/** The range the soak's latency histograms track. */
public final class LoadAccumulatorLimits {

    /** Longest latency tracked exactly: one hour in microseconds; longer ones are clamped to it. */
    public static final long MAX_MICROS = 3_600_000_000L;

    private LoadAccumulatorLimits() {
    }
}
