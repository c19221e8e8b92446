package dev.greenlight.soak.load;

import org.HdrHistogram.WriterReaderPhaser;

/**
 * Collects one lane's finished requests for the current interval without a lock on the recording path: the lane's
 * event loop is the only writer, and a reader swaps the active counts for the spare ones with a
 * {@link WriterReaderPhaser} (the scheme of HdrHistogram's {@code SingleWriterRecorder}), then waits only for a
 * record already under way. Counts and histograms swap together, so every error is a histogram sample of the same
 * interval.
 */
final class LoadAccumulator {

    private final WriterReaderPhaser phaser = new WriterReaderPhaser();
    private volatile LoadCounts active;
    private LoadCounts spare;

    LoadAccumulator(int kinds, long lateAfterNanos) {
        this.active = new LoadCounts(kinds, lateAfterNanos);
        this.spare = new LoadCounts(kinds, lateAfterNanos);
    }

    /** Records one finished request; see {@link LoadCounts#record}. Called by the owning lane's thread only. */
    void record(int kind, Outcome outcome, long due, long started, long done) {
        long token = phaser.writerCriticalSectionEnter();
        try {
            active.record(kind, outcome, due, started, done);
        } finally {
            phaser.writerCriticalSectionExit(token);
        }
    }

    /** Closes the interval: what was recorded since the last drain is added to {@code into} and cleared. */
    void drainInto(LoadCounts into) {
        phaser.readerLock();
        try {
            LoadCounts retired = active;
            active = spare;
            phaser.flipPhase();
            into.add(retired);
            retired.reset();
            spare = retired;
        } finally {
            phaser.readerUnlock();
        }
    }
}
