package dev.greenlight.sample.migrate;

import java.util.List;

/**
 * What one {@code migrate deploy} did, migration by migration.
 *
 * @param applied     applied now
 * @param skipped     already applied before
 * @param failed      failed now (recorded with finished_at NULL and the error in logs)
 * @param blocked     not attempted because a failed migration is unresolved (P3009)
 * @param unknownRows rows in {@code _prisma_migrations} with no folder this release knows (ignored)
 * @param modified    applied migrations whose recorded checksum differs from the file
 */
public record MigrationOutcome(
        List<String> applied,
        List<String> skipped,
        List<String> failed,
        List<String> blocked,
        List<String> unknownRows,
        List<String> modified) {

    /** Whether every known migration is applied. */
    public boolean complete() {
        return failed.isEmpty() && blocked.isEmpty();
    }
}
