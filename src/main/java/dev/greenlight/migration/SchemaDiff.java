package dev.greenlight.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * What differs between the schema the migrations produce (applied to an empty scratch database) and the
 * schema of the database under test.
 *
 * @param differences one entry per object that is missing, unexpected or defined differently
 * @param compared    how many objects were compared (the union of both catalogs)
 */
public record SchemaDiff(List<Difference> differences, int compared) {

    /**
     * One object that differs.
     *
     * @param object   e.g. {@code index "Post"."Post_authorId_idx"}
     * @param expected its definition per the migrations, null when the migrations do not create it
     * @param actual   its definition in the database, null when the database lacks it
     */
    public record Difference(String object, String expected, String actual) {

        /** {@code index "Post"."Post_authorId_idx": missing in the database (expected CREATE INDEX ...)}. */
        public String message() {
            if (actual == null) {
                return object + ": missing in the database (migrations create: " + expected + ")";
            }
            if (expected == null) {
                return object + ": in the database but not created by any migration (" + actual + ")";
            }
            return object + ": differs — migrations: " + expected + " | database: " + actual;
        }
    }

    /** Compares {@code expected} (from the migrations) with {@code actual} (the database). */
    public static SchemaDiff between(SchemaCatalog expected, SchemaCatalog actual) {
        TreeSet<String> keys = new TreeSet<>(expected.objects().keySet());
        keys.addAll(actual.objects().keySet());
        List<Difference> differences = new ArrayList<>();
        for (String key : keys) {
            String want = expected.objects().get(key);
            String have = actual.objects().get(key);
            if (want == null || !want.equals(have)) {
                differences.add(new Difference(key, want, have));
            }
        }
        return new SchemaDiff(List.copyOf(differences), keys.size());
    }

    public boolean clean() {
        return differences.isEmpty();
    }

    /** A three-column table a DBA reads at a glance: object, per the migrations, in the database. */
    public String render() {
        if (differences.isEmpty()) {
            return "No drift: all " + compared + " objects (tables, columns, constraints, indexes) of the database match"
                    + " what the migrations create.\n";
        }
        int width = Math.max(6, differences.stream().mapToInt(d -> d.object().length()).max().orElse(6));
        StringBuilder out = new StringBuilder();
        String format = "%-" + width + "s | %-50s | %s%n";
        out.append(String.format(format, "object", "per the migrations", "in the database"));
        out.append("-".repeat(width)).append("-+-").append("-".repeat(50)).append("-+-").append("-".repeat(30)).append('\n');
        for (Difference difference : differences) {
            out.append(String.format(format, difference.object(),
                    difference.expected() == null ? "(absent)" : difference.expected(),
                    difference.actual() == null ? "(MISSING)" : difference.actual()));
        }
        out.append('\n').append(differences.size()).append(" of ").append(compared).append(" objects differ.\n");
        return out.toString();
    }
}
