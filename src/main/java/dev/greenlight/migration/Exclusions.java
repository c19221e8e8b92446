package dev.greenlight.migration;

import dev.greenlight.config.ConfigException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the data-integrity snapshots leave out: whole tables, single columns (a column a migration added or
 * changed on purpose), and rows Greenlight itself created — recognised by the run tag ({@code <tagPrefix>-…},
 * e.g. {@code gl-20261125-184501-k3f9}) in one of the configured tag columns, preceded by the start of the
 * value or a character that is not a letter or digit ({@code alice+gl-2026…@example.com}, {@code Post gl-2026…}).
 * Prisma's {@code _prisma_migrations} is always left out: the history check reads it.
 *
 * @param tables     tables left out entirely
 * @param columns    table → columns left out of the row content
 * @param tagColumns table → text columns that carry the run tag of rows Greenlight created
 * @param tagPrefix  the run tag prefix ({@code testData.tagPrefix})
 */
public record Exclusions(Set<String> tables, Map<String, Set<String>> columns, Map<String, List<String>> tagColumns,
                         String tagPrefix) {

    /** Always excluded: Prisma's bookkeeping, checked by the history check instead. */
    public static final String PRISMA_TABLE = "_prisma_migrations";

    public Exclusions {
        Set<String> allTables = new LinkedHashSet<>(tables);
        allTables.add(PRISMA_TABLE);
        tables = Set.copyOf(allTables);
        Map<String, Set<String>> columnCopy = new LinkedHashMap<>();
        columns.forEach((table, names) -> columnCopy.put(table, Set.copyOf(names)));
        columns = Map.copyOf(columnCopy);
        Map<String, List<String>> tagCopy = new LinkedHashMap<>();
        tagColumns.forEach((table, names) -> tagCopy.put(table, List.copyOf(names)));
        tagColumns = Map.copyOf(tagCopy);
        tagPrefix = tagPrefix == null ? "" : tagPrefix;
    }

    /** Nothing left out but Prisma's bookkeeping. */
    public static Exclusions none() {
        return new Exclusions(Set.of(), Map.of(), Map.of(), "");
    }

    /**
     * From the target file: {@code migrations.exclude} entries ({@code Table} or {@code Table.column}) and
     * {@code migrations.tagColumns} entries ({@code Table.column}), with {@code testData.tagPrefix}.
     */
    public static Exclusions parse(List<String> exclude, List<String> tagColumnEntries, String tagPrefix) {
        Set<String> tables = new LinkedHashSet<>();
        Map<String, Set<String>> columns = new LinkedHashMap<>();
        for (String entry : exclude) {
            String[] parts = split(entry, "migrations.exclude", false);
            if (parts.length == 1) {
                tables.add(parts[0]);
            } else {
                columns.computeIfAbsent(parts[0], key -> new LinkedHashSet<>()).add(parts[1]);
            }
        }
        Map<String, List<String>> tags = new LinkedHashMap<>();
        for (String entry : tagColumnEntries) {
            String[] parts = split(entry, "migrations.tagColumns", true);
            tags.computeIfAbsent(parts[0], key -> new ArrayList<>()).add(parts[1]);
        }
        return new Exclusions(tables, columns, tags, tagPrefix);
    }

    private static String[] split(String entry, String key, boolean columnRequired) {
        String trimmed = entry == null ? "" : entry.trim();
        int dot = trimmed.indexOf('.');
        boolean valid = !trimmed.isEmpty() && (dot < 0 ? !columnRequired : dot > 0 && dot < trimmed.length() - 1
                && trimmed.indexOf('.', dot + 1) < 0);
        if (!valid) {
            throw new ConfigException(key + ": '" + entry + "' must be " + (columnRequired ? "Table.column" : "Table or Table.column")
                    + " (names as in the database, e.g. Post.title)");
        }
        return dot < 0 ? new String[] {trimmed} : new String[] {trimmed.substring(0, dot), trimmed.substring(dot + 1)};
    }

    public boolean excludesTable(String table) {
        return tables.contains(table);
    }

    public boolean excludesColumn(String table, String column) {
        return columns.getOrDefault(table, Set.of()).contains(column);
    }

    /**
     * The SQL condition true for a row Greenlight created in {@code table}, or null when the table has no tag column
     * (or no tag prefix is set).
     */
    public String taggedRowCondition(String table) {
        List<String> tagged = tagColumns.getOrDefault(table, List.of());
        if (tagged.isEmpty() || tagPrefix.isBlank()) {
            return null;
        }
        // a backslash before a character that is not a letter or digit makes it literal in a PostgreSQL regex
        String pattern = "(^|[^[:alnum:]])" + tagPrefix.replaceAll("([^A-Za-z0-9])", "\\\\$1") + "-";
        List<String> conditions = new ArrayList<>();
        for (String column : tagged) {
            conditions.add("COALESCE(" + Identifiers.quote(column) + "::text ~ " + Identifiers.literal(pattern) + ", false)");
        }
        return "(" + String.join(" OR ", conditions) + ")";
    }

    /** One line for the report. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        parts.add("tables " + tables.stream().sorted().toList());
        columns.forEach((table, names) -> names.stream().sorted().forEach(column -> parts.add("column " + table + "." + column)));
        tagColumns.forEach((table, names) -> names.forEach(column -> parts.add("rows tagged '" + tagPrefix + "-' in " + table + "." + column)));
        return String.join("; ", parts);
    }
}
