package dev.greenlight.soak.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Named pools of values captured from answers (ids of posts the run created, the author's email), each bounded so
 * a long run cannot grow them without end. What is left in them at the end is what cleanup removes.
 */
public final class Pools {

    private final Map<String, Pool> pools = new ConcurrentHashMap<>();
    private final int limit;

    public Pools(int limit) {
        this.limit = limit;
    }

    /** The pool {@code name}, created empty on first use. */
    public Pool pool(String name) {
        return pools.computeIfAbsent(name, key -> new Pool(limit));
    }

    /** A bounded bag of values. Thread-safe. */
    public static final class Pool {
        private final List<String> values = new ArrayList<>();
        private final int limit;

        Pool(int limit) {
            this.limit = limit;
        }

        /** Adds unless full; returns whether it was added. */
        public synchronized boolean add(String value) {
            if (values.size() >= limit) {
                return false;
            }
            values.add(value);
            return true;
        }

        public synchronized boolean full() {
            return values.size() >= limit;
        }

        public synchronized boolean isEmpty() {
            return values.isEmpty();
        }

        public synchronized int size() {
            return values.size();
        }

        /** A random value, left in the pool; null when empty. */
        public synchronized String pick() {
            return values.isEmpty() ? null : values.get(ThreadLocalRandom.current().nextInt(values.size()));
        }

        /** A random value, removed from the pool; null when empty. */
        public synchronized String take() {
            if (values.isEmpty()) {
                return null;
            }
            int index = ThreadLocalRandom.current().nextInt(values.size());
            String last = values.remove(values.size() - 1);
            if (index == values.size()) {
                return last;
            }
            String taken = values.get(index);
            values.set(index, last);
            return taken;
        }

        /** Empties the pool, returning what it held. */
        public synchronized List<String> drain() {
            List<String> all = new ArrayList<>(values);
            values.clear();
            return all;
        }
    }
}
