package dev.greenlight.sample.fault;

import dev.greenlight.sample.data.BlogStore;
import dev.greenlight.sample.data.FeedQuery;
import dev.greenlight.sample.data.Post;
import dev.greenlight.sample.db.Database;
import dev.greenlight.sample.log.AppLog;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The faults active in one running app and their side effects: held pool connections, retained
 * memory, the frozen web feed. Start-only faults are fixed at start; the run-time part can be replaced
 * or cleared through the admin endpoint, and every change is logged.
 */
public final class FaultState implements AutoCloseable {

    private final FaultSpec startup;
    private final int poolSize;
    private final AppLog log;
    private final MemoryBallast ballast;
    private final PoolLeak poolLeak;
    private volatile FaultSpec active;
    private volatile BlogStore store;
    private volatile List<Post> staleFeed;

    public FaultState(FaultSpec initial, int poolSize, Database db, AppLog log) {
        this.startup = initial;
        this.active = initial;
        this.poolSize = poolSize;
        this.log = log;
        this.ballast = new MemoryBallast(log);
        this.poolLeak = new PoolLeak(db, log);
    }

    /** The faults active now. */
    public FaultSpec current() {
        return active;
    }

    /** Starts the effects of the start-up faults once the database is ready. */
    public void activate(BlogStore blogStore) {
        this.store = blogStore;
        applyEffects(FaultSpec.NONE, active);
    }

    /**
     * Replaces the run-time faults (start-only faults stay as they were).
     *
     * @throws FaultSpecException when the spec names a start-only fault or cannot apply
     */
    public synchronized FaultSpec replaceRuntime(FaultSpec runtime) {
        List<FaultKind> startOnly = runtime.faults().stream().map(FaultSpec.Fault::kind).filter(FaultKind::startOnly)
                .distinct().toList();
        if (!startOnly.isEmpty()) {
            throw new FaultSpecException("Faults " + startOnly.stream().map(FaultKind::key).collect(Collectors.joining(", "))
                    + " can only be set at start-up (GREENLIGHT_SAMPLE_FAULTS)");
        }
        if (runtime.poolLeak() > poolSize) {
            throw new FaultSpecException("pool-leak=" + runtime.poolLeak() + " is more than POOL_SIZE " + poolSize);
        }
        FaultSpec before = active;
        FaultSpec after = startup.withRuntime(runtime);
        applyEffects(before, after);
        active = after;
        log.info("Faults changed through the admin endpoint: run-time faults " + runtime + " (were "
                + before.runtimePart() + "); active faults: " + after);
        return after;
    }

    /** Clears every run-time fault. */
    public FaultSpec clearRuntime() {
        return replaceRuntime(FaultSpec.NONE);
    }

    /** The start-only faults, fixed for the life of the process. */
    public FaultSpec startup() {
        return startup.startOnlyPart();
    }

    /** Called once per API request: the memory faults retain their bytes here. */
    public void onApiRequest() {
        ballast.onApiRequest(active);
    }

    /** With {@code ui-feed=stale}: the web feed as it was when the fault was set. */
    public Optional<List<Post>> staleFeed() {
        if (!active.uiFeedStale()) {
            return Optional.empty();
        }
        if (staleFeed == null) {
            synchronized (this) {
                if (staleFeed == null) {
                    staleFeed = List.copyOf(store.feed(FeedQuery.newestFirst("")));
                }
            }
        }
        return Optional.of(staleFeed);
    }

    /** Bytes retained by the leak fault so far. */
    public long leakedBytes() {
        return ballast.leakedBytes();
    }

    /** Bytes retained by the cache fault so far. */
    public long cachedBytes() {
        return ballast.cachedBytes();
    }

    /** Connections held by the pool-leak fault right now. */
    public int heldConnections() {
        return poolLeak.held();
    }

    private void applyEffects(FaultSpec before, FaultSpec after) {
        if (before.poolLeak() != after.poolLeak()) {
            poolLeak.holdAsync(after.poolLeak());
        }
        if (after.uiFeedStale() && !before.uiFeedStale()) {
            staleFeed = null;
            try {
                staleFeed = List.copyOf(store.feed(FeedQuery.newestFirst("")));
            } catch (RuntimeException e) {
                log.warn("ui-feed=stale could not take its snapshot now (" + AppLog.describe(e)
                        + "); it will be taken on the next page view");
            }
        }
        if (!after.uiFeedStale()) {
            staleFeed = null;
        }
    }

    @Override
    public void close() {
        poolLeak.close();
    }
}
