package dev.greenlight.critical.data;

import dev.greenlight.config.Durations;
import dev.greenlight.config.Masker;
import dev.greenlight.config.TestDataConfig;
import dev.greenlight.report.AllureResults;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The run's account of the data it creates on staging. Opened once per run: it first sweeps what earlier,
 * interrupted runs left behind (bounded and only once they are quiet, see {@link SweepPlan#leftovers}); it hands
 * each journey a {@link TestData} that tags names and remembers what the API created; closed at the end of the
 * run — also after failed journeys — it deletes every row carrying this run's tag, through the API. Both
 * housekeeping passes are reported as their own Allure results (epic "Run", feature "Test data").
 */
public final class TestDataLedger implements AutoCloseable {

    private final RunTag tag;
    private final TestDataConfig config;
    private final TaggedDataStore store;
    private final AllureResults allure;
    private final Masker masker;
    private final Clock clock;
    private final AtomicInteger journeys = new AtomicInteger();
    private final List<TaggedRow> created = new CopyOnWriteArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    private TestDataLedger(RunTag tag, TestDataConfig config, TaggedDataStore store, AllureResults allure, Masker masker, Clock clock) {
        this.tag = tag;
        this.config = config;
        this.store = store;
        this.allure = allure;
        this.masker = masker;
        this.clock = clock;
    }

    /** Opens the run's ledger: sweeps leftovers of earlier runs (unless {@code sweepLimit} is 0) and reports the sweep. */
    public static TestDataLedger open(String runId, TestDataConfig config, TaggedDataStore store, AllureResults allure,
                                      Masker masker, Clock clock) {
        TestDataLedger ledger = new TestDataLedger(new RunTag(config.tagPrefix(), runId, config.emailDomain()), config, store,
                allure, masker, clock);
        if (config.sweepLimit() > 0) {
            ledger.sweep();
        }
        return ledger;
    }

    /** This run's tag. */
    public RunTag tag() {
        return tag;
    }

    /** A fresh handle for one journey, with a marker no other journey of the run shares. */
    public TestData forJourney() {
        return new TestData(tag, tag.value() + "-j" + journeys.incrementAndGet(), this);
    }

    void remember(TaggedRow row) {
        created.add(row);
    }

    private void sweep() {
        Housekeeping sweep = new Housekeeping("Test data: leftovers of earlier runs swept", "sweep", store, clock);
        String description = "Rows tagged '" + tag.prefix() + "-…' by other runs (emails @" + tag.emailDomain()
                + ", titles starting with the tag), deleted once their run had been quiet for " + Durations.format(config.sweepAfter())
                + ", at most " + config.sweepLimit() + " per run. This run's tag: " + tag.value() + ".";
        try {
            TaggedDataStore.Found found = store.find(tag);
            sweep.problems(found.problems());
            sweep.carryOut(SweepPlan.leftovers(found.rows(), tag, clock.instant(), config.sweepAfter(), config.sweepLimit()));
        } catch (RuntimeException e) {
            sweep.problems(List.of("listing failed: " + e.getMessage()));
        }
        sweep.report(allure, masker, description);
    }

    /** Deletes every row of this run, found by its tag or remembered when created; reports what was removed. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        Housekeeping cleanup = new Housekeeping("Test data: this run's rows removed", "cleanup", store, clock);
        List<TaggedRow> rows = new ArrayList<>(created);
        try {
            TaggedDataStore.Found found = store.find(tag);
            cleanup.problems(found.problems());
            rows.addAll(found.rows());
        } catch (RuntimeException e) {
            cleanup.problems(List.of("listing failed: " + e.getMessage() + " (only rows remembered at creation were deleted)"));
        }
        cleanup.carryOut(SweepPlan.own(rows, tag));
        cleanup.report(allure, masker, "Every row tagged " + tag.value() + " (" + journeys.get() + " journeys), deleted through the API "
                + "at the end of the run. Rows that could not be deleted are swept by a later run.");
    }
}
