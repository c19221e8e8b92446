package dev.greenlight.soak.load;

import java.time.Duration;

/**
 * When each request of an open-model run is due: a constant arrival rate reached by a linear ramp from zero.
 * The schedule is fixed before the run starts and never waits for the target, so a slow response cannot delay
 * the requests after it (the coordinated omission a closed loop hides stalls with).
 */
public final class ArrivalSchedule {

    private final double ratePerNano;
    private final long rampNanos;
    private final long durationNanos;
    private final long total;
    private final long rampArrivals;

    /**
     * @param ratePerSecond the steady arrival rate
     * @param rampUp        time to grow linearly from zero to that rate; part of {@code duration}
     * @param duration      the whole run
     */
    public ArrivalSchedule(double ratePerSecond, Duration rampUp, Duration duration) {
        if (!(ratePerSecond > 0)) {
            throw new IllegalArgumentException("rate must be positive, got " + ratePerSecond);
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("duration must be positive, got " + duration);
        }
        this.ratePerNano = ratePerSecond / 1e9;
        this.durationNanos = duration.toNanos();
        this.rampNanos = Math.min(Math.max(0, rampUp.toNanos()), durationNanos);
        this.rampArrivals = (long) Math.floor(ratePerNano * rampNanos / 2.0);
        this.total = (long) Math.floor(arrivalsBy(durationNanos));
    }

    /** Arrivals due by {@code nanos} after the start (real-valued). */
    double arrivalsBy(long nanos) {
        if (nanos <= rampNanos) {
            return rampNanos == 0 ? 0 : ratePerNano * (double) nanos * nanos / (2.0 * rampNanos);
        }
        return ratePerNano * rampNanos / 2.0 + ratePerNano * (nanos - rampNanos);
    }

    /** Nanoseconds after the start at which arrival {@code i} (0-based) is due. */
    public long offsetNanos(long i) {
        double n = i + 1;
        double rampTotal = ratePerNano * rampNanos / 2.0;
        if (rampNanos > 0 && n <= rampTotal) {
            return (long) Math.sqrt(2.0 * rampNanos * n / ratePerNano);
        }
        return rampNanos + (long) ((n - rampTotal) / ratePerNano);
    }

    /** How many requests the whole schedule holds. */
    public long total() {
        return total;
    }

    /** How many of them fall in the ramp. */
    public long rampArrivals() {
        return rampArrivals;
    }

    public long durationNanos() {
        return durationNanos;
    }

    /** The intended rate, per second, at {@code nanos} after the start. */
    public double rateAt(long nanos) {
        if (nanos < rampNanos) {
            return ratePerNano * 1e9 * nanos / rampNanos;
        }
        return nanos > durationNanos ? 0 : ratePerNano * 1e9;
    }
}
