package dev.greenlight.soak.stats;

import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;

/**
 * A time series that never holds more than {@code capacity} points however long the run: when full, neighbouring
 * points are merged pairwise (times averaged, values combined by the series' own rule — minimum for a memory
 * floor, mean for a rate), halving the resolution. A 48-hour run keeps a chartable, analysable series in a few
 * kilobytes.
 */
public final class BoundedSeries {

    private final int capacity;
    private final DoubleBinaryOperator merge;
    private final double[] x;
    private final double[] y;
    private int size;
    private int stride = 1;
    private int pending;
    private double pendingX;
    private double pendingY;

    /**
     * @param capacity points kept at most (even, at least 4)
     * @param merge    how two values become one
     */
    public BoundedSeries(int capacity, DoubleBinaryOperator merge) {
        if (capacity < 4 || capacity % 2 != 0) {
            throw new IllegalArgumentException("capacity must be even and at least 4");
        }
        this.capacity = capacity;
        this.merge = merge;
        this.x = new double[capacity];
        this.y = new double[capacity];
    }

    /** Keeps the lower value: the floor of a saw-tooth such as a heap between collections. */
    public static BoundedSeries ofMinimum(int capacity) {
        return new BoundedSeries(capacity, Math::min);
    }

    /** Keeps the larger value: peaks stay visible when resolution halves. */
    public static BoundedSeries ofMaximum(int capacity) {
        return new BoundedSeries(capacity, Math::max);
    }

    /** Averages values. */
    public static BoundedSeries ofMean(int capacity) {
        return new BoundedSeries(capacity, (a, b) -> (a + b) / 2.0);
    }

    public synchronized void add(double time, double value) {
        if (Double.isNaN(value)) {
            return;
        }
        if (pending == 0) {
            pendingX = time;
            pendingY = value;
        } else {
            pendingX = (pendingX * pending + time) / (pending + 1);
            pendingY = merge.applyAsDouble(pendingY, value);
        }
        pending++;
        if (pending < stride) {
            return;
        }
        if (size == capacity) {
            for (int i = 0; i < capacity / 2; i++) {
                x[i] = (x[2 * i] + x[2 * i + 1]) / 2.0;
                y[i] = merge.applyAsDouble(y[2 * i], y[2 * i + 1]);
            }
            size = capacity / 2;
            stride *= 2;
        }
        x[size] = pendingX;
        y[size] = pendingY;
        size++;
        pending = 0;
    }

    public synchronized int size() {
        return size;
    }

    public synchronized double[] xs() {
        return Arrays.copyOf(x, size);
    }

    public synchronized double[] ys() {
        return Arrays.copyOf(y, size);
    }

    /** The points with {@code x >= from}. */
    public synchronized double[][] from(double from) {
        int start = 0;
        while (start < size && x[start] < from) {
            start++;
        }
        return new double[][] {Arrays.copyOfRange(x, start, size), Arrays.copyOfRange(y, start, size)};
    }
}
