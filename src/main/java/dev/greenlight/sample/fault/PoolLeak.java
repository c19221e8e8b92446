package dev.greenlight.sample.fault;

import dev.greenlight.sample.db.Database;
import dev.greenlight.sample.log.AppLog;
import java.sql.Connection;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The {@code pool-leak} fault: a background thread checks that many connections out of the pool and
 * holds them. Switching the fault off returns them (a restart would, too), so one app can be reused
 * across scenarios.
 */
final class PoolLeak implements AutoCloseable {

    private final Database db;
    private final AppLog log;
    private final Deque<Connection> held = new ArrayDeque<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "pool-leak");
        thread.setDaemon(true);
        return thread;
    });
    private volatile int target;

    PoolLeak(Database db, AppLog log) {
        this.db = db;
        this.log = log;
    }

    /** Asks for that many connections to be held; taking them may wait for the pool. */
    void holdAsync(int count) {
        target = count;
        worker.execute(this::settle);
    }

    /** Connections held right now. */
    synchronized int held() {
        return held.size();
    }

    private void settle() {
        while (true) {
            synchronized (this) {
                if (held.size() > target) {
                    db.giveBack(held.pop());
                    continue;
                }
                if (held.size() == target) {
                    return;
                }
            }
            Connection connection;
            try {
                connection = db.leakConnection();
            } catch (RuntimeException e) {
                log.warn("pool-leak could not check out a connection: " + AppLog.describe(e));
                return;
            }
            synchronized (this) {
                held.push(connection);
            }
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
        synchronized (this) {
            while (!held.isEmpty()) {
                db.giveBack(held.pop());
            }
        }
    }
}
