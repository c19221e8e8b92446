package dev.greenlight.soak.load;

/** A fixed-capacity FIFO of due times; no allocation per request. Not thread-safe: one lane's event loop owns it. */
final class LongRing {

    private final long[] items;
    private int head;
    private int size;

    LongRing(int capacity) {
        items = new long[Math.max(1, capacity)];
    }

    boolean offer(long value) {
        if (size == items.length) {
            return false;
        }
        items[(head + size) % items.length] = value;
        size++;
        return true;
    }

    long poll() {
        long value = items[head];
        head = (head + 1) % items.length;
        size--;
        return value;
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    void clear() {
        head = 0;
        size = 0;
    }
}
