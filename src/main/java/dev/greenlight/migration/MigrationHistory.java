package dev.greenlight.migration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a database's {@code _prisma_migrations} against the application's migration folders the way Prisma
 * should but does not always: every folder applied and finished, no unresolved failure, nothing rolled back
 * and left so, no row without a folder, and every applied row's checksum equal to its file's SHA-256.
 *
 * @param folders  the migration folders, oldest first
 * @param rows     the rows of {@code _prisma_migrations}
 * @param findings what is wrong, each naming its migration; empty when the history is sound
 */
public record MigrationHistory(List<MigrationFolder> folders, List<MigrationRow> rows, List<HistoryFinding> findings) {

    /** Compares {@code folders} with {@code rows}. */
    public static MigrationHistory check(List<MigrationFolder> folders, List<MigrationRow> rows) {
        Map<String, List<MigrationRow>> byName = new LinkedHashMap<>();
        rows.forEach(row -> byName.computeIfAbsent(row.name(), key -> new ArrayList<>()).add(row));
        List<HistoryFinding> findings = new ArrayList<>();
        Set<String> known = new LinkedHashSet<>();
        for (MigrationFolder folder : folders) {
            known.add(folder.name());
            findings.addAll(checkFolder(folder, byName.getOrDefault(folder.name(), List.of())));
        }
        for (Map.Entry<String, List<MigrationRow>> entry : byName.entrySet()) {
            if (known.contains(entry.getKey())) {
                continue;
            }
            List<MigrationRow> live = entry.getValue().stream().filter(row -> row.rolledBackAt() == null).toList();
            boolean appliedLater = live.stream().anyMatch(MigrationRow::applied);
            live.stream().filter(row -> row.unresolvedFailure() && !appliedLater).findFirst().ifPresent(row ->
                    findings.add(new HistoryFinding(entry.getKey(), HistoryFinding.Problem.FAILED, failure(row))));
            if (!live.isEmpty()) {
                MigrationRow row = live.get(live.size() - 1);
                findings.add(new HistoryFinding(entry.getKey(), HistoryFinding.Problem.UNKNOWN_ROW,
                        "row in _prisma_migrations (" + state(row) + ", started " + row.startedAt()
                                + ") has no folder in the migrations directory"));
            }
        }
        return new MigrationHistory(List.copyOf(folders), List.copyOf(rows), List.copyOf(findings));
    }

    private static List<HistoryFinding> checkFolder(MigrationFolder folder, List<MigrationRow> attempts) {
        List<HistoryFinding> findings = new ArrayList<>();
        Optional<MigrationRow> applied = attempts.stream().filter(MigrationRow::applied)
                .max(Comparator.comparing(MigrationRow::startedAt, Comparator.nullsFirst(Comparator.naturalOrder())));
        Instant appliedAt = applied.map(MigrationRow::startedAt).orElse(null);
        for (MigrationRow attempt : attempts) {
            boolean resolvedLater = appliedAt != null && attempt.startedAt() != null && appliedAt.isAfter(attempt.startedAt());
            if (attempt.unresolvedFailure() && !resolvedLater) {
                findings.add(new HistoryFinding(folder.name(), HistoryFinding.Problem.FAILED, failure(attempt)));
            }
        }
        if (applied.isPresent()) {
            String recorded = applied.get().checksum();
            if (!folder.checksum().equalsIgnoreCase(recorded) && !folder.matchesIgnoringLineEndings(recorded)) {
                findings.add(new HistoryFinding(folder.name(), HistoryFinding.Problem.CHECKSUM_MISMATCH,
                        "recorded checksum " + recorded + ", migration.sql now hashes to " + folder.checksum()));
            }
        } else if (findings.isEmpty()) {
            boolean rolledBack = attempts.stream().anyMatch(row -> row.rolledBackAt() != null);
            findings.add(rolledBack
                    ? new HistoryFinding(folder.name(), HistoryFinding.Problem.ROLLED_BACK,
                    "marked rolled back and never applied again; the database lacks it")
                    : new HistoryFinding(folder.name(), HistoryFinding.Problem.NOT_APPLIED,
                    "the folder exists but _prisma_migrations has no finished row for it"));
        }
        return findings;
    }

    private static String failure(MigrationRow row) {
        if (row.logs() == null || row.logs().isBlank()) {
            return "started " + row.startedAt() + " and never finished, no error logged: interrupted, or still running";
        }
        String firstLines = row.logs().strip().lines().filter(line -> !line.isBlank()).limit(4).reduce((a, b) -> a + " / " + b).orElse("");
        return "finished_at is NULL, " + row.appliedStepsCount() + " steps applied, error: " + firstLines;
    }

    private static String state(MigrationRow row) {
        return row.finishedAt() != null ? "finished " + row.finishedAt() : "unfinished";
    }

    /** How many migrations were looked at: every folder and every row without one. */
    public int checked() {
        Set<String> names = new LinkedHashSet<>();
        folders.forEach(folder -> names.add(folder.name()));
        rows.forEach(row -> names.add(row.name()));
        return names.size();
    }

    /** Names of the folders the database has applied, oldest first. */
    public List<String> applied() {
        Set<String> done = new LinkedHashSet<>();
        rows.stream().filter(MigrationRow::applied).forEach(row -> done.add(row.name()));
        return folders.stream().map(MigrationFolder::name).filter(done::contains).toList();
    }

    /** The history as a table a DBA reads at a glance: one line per migration, its state and finding. */
    public String render() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%-60s %-8s %-10s %-12s %s%n", "migration", "folder", "database", "checksum", "finding"));
        Set<String> names = new LinkedHashSet<>();
        folders.forEach(folder -> names.add(folder.name()));
        rows.forEach(row -> names.add(row.name()));
        for (String name : names) {
            Optional<MigrationFolder> folder = folders.stream().filter(f -> f.name().equals(name)).findFirst();
            List<MigrationRow> attempts = rows.stream().filter(row -> row.name().equals(name)).toList();
            Optional<MigrationRow> applied = attempts.stream().filter(MigrationRow::applied).reduce((a, b) -> b);
            String database = applied.isPresent() ? "applied" : attempts.isEmpty() ? "-" : attempts.get(attempts.size() - 1).rolledBackAt() != null ? "rolled back" : "failed";
            String checksum = folder.isEmpty() || applied.isEmpty() ? "-"
                    : folder.get().checksum().equalsIgnoreCase(applied.get().checksum()) ? "match" : "DIFFERS";
            String finding = findings.stream().filter(f -> f.migration().equals(name)).map(f -> f.problem().label())
                    .reduce((a, b) -> a + "; " + b).orElse("ok");
            out.append(String.format("%-60s %-8s %-10s %-12s %s%n", name, folder.isPresent() ? "yes" : "NO", database, checksum, finding));
        }
        findings.forEach(finding -> out.append("\n").append(finding.message()));
        return out.toString();
    }
}
