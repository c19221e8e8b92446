package dev.greenlight.migration;

import dev.greenlight.db.ReadOnlyDatabase;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Rehearses the pending migrations on real data: copies the database into a scratch database, applies the
 * migrations the copy lacks, oldest first, and times each — so a migration that would fail on staging's data
 * (a NOT NULL column without default on a non-empty table, a unique index over duplicates) fails here first.
 *
 * @param copy     how the data was copied
 * @param pending  the migrations the copy lacked
 * @param outcomes one per migration attempted (the rehearsal stops at the first failure, as Prisma does)
 * @param scratch  what the scratch server is
 */
public record MigrationRehearsal(DatabaseCopy.Result copy, List<String> pending, List<MigrationApplier.Applied> outcomes,
                                 String scratch) {

    /** Copies {@code schema} of {@code source} into a new database on {@code scratch} and applies what it lacks. */
    public static MigrationRehearsal run(ReadOnlyDatabase source, String schema, List<MigrationFolder> folders,
                                         ScratchPostgres scratch, Duration copyTimeout) {
        String database = scratch.createDatabase("gl_rehearsal");
        CopyDestination destination = CopyDestination.scratch(scratch, database);
        DatabaseCopy.Result copy = DatabaseCopy.copy(source, schema, folders, destination, copyTimeout);
        try (Connection connection = destination.connect()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET search_path TO " + Identifiers.quote(schema));
            }
            Set<String> applied = MigrationRow.tableExists(connection, schema)
                    ? MigrationRow.readAll(connection, schema).stream().filter(MigrationRow::applied).map(MigrationRow::name)
                    .collect(Collectors.toSet())
                    : Set.of();
            List<MigrationFolder> lacking = folders.stream().filter(folder -> !applied.contains(folder.name())).toList();
            List<MigrationApplier.Applied> outcomes = MigrationApplier.apply(connection, lacking);
            return new MigrationRehearsal(copy, lacking.stream().map(MigrationFolder::name).toList(), outcomes, scratch.note());
        } catch (SQLException e) {
            throw new IllegalStateException("the rehearsal on scratch database " + database + " failed: " + e.getMessage(), e);
        }
    }

    /** The migrations that failed on the copy. */
    public List<MigrationApplier.Applied> failures() {
        return outcomes.stream().filter(MigrationApplier.Applied::failed).toList();
    }

    /** Pending migrations never attempted because an earlier one failed. */
    public List<String> notAttempted() {
        List<String> attempted = outcomes.stream().map(MigrationApplier.Applied::name).toList();
        return pending.stream().filter(name -> !attempted.contains(name)).toList();
    }

    /** The rehearsal as the report shows it: copy method, then one line per migration with its time. */
    public String render() {
        List<String> lines = new ArrayList<>();
        lines.add("Scratch server: " + scratch);
        lines.add("Copy: " + copy.method() + " in " + seconds(copy.took()) + (copy.rows() >= 0 ? ", " + copy.tables()
                + " tables, " + copy.rows() + " rows" : "") + " — " + copy.note());
        copy.warnings().forEach(warning -> lines.add("  warning: " + warning));
        if (pending.isEmpty()) {
            lines.add("The copy lacks no migration: nothing to rehearse (the database is already up to date).");
        }
        for (MigrationApplier.Applied outcome : outcomes) {
            lines.add(String.format("%-60s %10s  %s", outcome.name(), seconds(outcome.took()),
                    outcome.failed() ? "FAILED: " + outcome.error() : "ok"));
        }
        notAttempted().forEach(name -> lines.add(String.format("%-60s %10s  %s", name, "-", "not attempted (an earlier one failed)")));
        return String.join("\n", lines) + "\n";
    }

    private static String seconds(Duration duration) {
        return String.format("%.3f s", duration.toNanos() / 1e9);
    }
}
