package dev.greenlight.migration;

/**
 * One thing wrong with the migration history, naming the migration.
 *
 * @param migration the migration (folder or {@code migration_name})
 * @param problem   what kind of problem
 * @param detail    what exactly, for the reviewer
 */
public record HistoryFinding(String migration, Problem problem, String detail) {

    /** The kinds of history problems Greenlight looks for. */
    public enum Problem {
        /** A folder with no finished row: the database lacks it. */
        NOT_APPLIED("not applied"),
        /** A row with finished_at NULL and no later success: failed (logs) or interrupted (no logs). */
        FAILED("failed"),
        /** Rolled back ({@code migrate resolve --rolled-back}) and not applied again since. */
        ROLLED_BACK("rolled back, not re-applied"),
        /** A row with no folder: the database carries a migration the deployed code does not know. */
        UNKNOWN_ROW("unknown to the code"),
        /** The file was edited after it was applied: its checksum differs from the recorded one. */
        CHECKSUM_MISMATCH("edited after apply");

        private final String label;

        Problem(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** {@code migration 20241127090000_x: edited after apply (recorded ..., file ...)}. */
    public String message() {
        return "migration " + migration + ": " + problem.label() + " (" + detail + ")";
    }
}
