package dev.greenlight.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Schema drift: applies the migrations the database says it has applied to an empty scratch database, then
 * compares the two catalogs. A hand-made change on staging (a dropped index, an extra column) or an edited
 * migration that changed the schema shows as a difference.
 *
 * @param diff     what differs, object by object
 * @param applied  the migrations applied to the scratch database, with their times
 * @param scratch  what the scratch server is
 */
public record SchemaDrift(SchemaDiff diff, List<MigrationApplier.Applied> applied, String scratch) {

    /** Tables never compared: Prisma's bookkeeping is the history check's business. */
    public static final Set<String> IGNORED_TABLES = Set.of(Exclusions.PRISMA_TABLE);

    /**
     * Compares {@code schema} as the database has it ({@code database}, a read-only session) with what
     * {@code appliedFolders} create on a new database of {@code scratch}.
     */
    public static SchemaDrift check(Connection database, String schema, List<MigrationFolder> appliedFolders,
                                    ScratchPostgres scratch) throws SQLException {
        String name = scratch.createDatabase("gl_drift");
        try (Connection empty = scratch.connect(name)) {
            try (Statement statement = empty.createStatement()) {
                statement.execute("CREATE SCHEMA IF NOT EXISTS " + Identifiers.quote(schema));
                statement.execute("SET search_path TO " + Identifiers.quote(schema));
            }
            List<MigrationApplier.Applied> applied = MigrationApplier.apply(empty, appliedFolders);
            SchemaCatalog expected = SchemaCatalog.read(empty, schema, IGNORED_TABLES);
            SchemaCatalog actual = SchemaCatalog.read(database, schema, IGNORED_TABLES);
            return new SchemaDrift(SchemaDiff.between(expected, actual), applied, scratch.note());
        }
    }

    /** Migrations that would not even apply to an empty database. */
    public List<MigrationApplier.Applied> failedOnEmpty() {
        return applied.stream().filter(MigrationApplier.Applied::failed).toList();
    }

    /** Every problem, one line each: migrations that failed on the empty database, then the catalog differences. */
    public List<String> findings() {
        List<String> findings = new ArrayList<>();
        failedOnEmpty().forEach(failed -> findings.add("migration " + failed.name() + " does not apply to an empty database: "
                + failed.error()));
        diff.differences().forEach(difference -> findings.add(difference.message()));
        return findings;
    }

    public String render() {
        StringBuilder out = new StringBuilder("Scratch server: " + scratch + "\nMigrations applied to the empty database: "
                + applied.stream().map(MigrationApplier.Applied::name).toList() + "\n\n");
        failedOnEmpty().forEach(failed -> out.append("FAILED on the empty database: ").append(failed.name()).append(": ")
                .append(failed.error()).append('\n'));
        return out.append(diff.render()).toString();
    }
}
