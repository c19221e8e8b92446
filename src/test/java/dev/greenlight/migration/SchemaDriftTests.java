package dev.greenlight.migration;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaDriftTests {

    private static SchemaDrift drift(String database, int applied) {
        return TestDatabases.readOnly(database).read("comparing schemas", connection ->
                SchemaDrift.check(connection, "public", TestDatabases.folders().subList(0, applied), TestDatabases.server()));
    }

    @Test
    @DisplayName("A database exactly as its migrations made it shows no drift")
    void shouldFindNoDriftWhenUntouched() throws SQLException {
        String database = TestDatabases.migrated(3);

        SchemaDrift drift = drift(database, 3);

        assertThat(drift.findings()).as("drift findings").isEmpty();
        assertThat(drift.diff().compared()).as("objects compared: 2 tables, 12 columns, 3 constraints, 5 indexes").isEqualTo(22);
        assertThat(drift.render()).contains("No drift");
    }

    @Test
    @DisplayName("A dropped index, a column changed by hand and an extra table are each named")
    void shouldNameEachDifference() throws SQLException {
        String database = TestDatabases.migrated(3);
        TestDatabases.execute(database, "DROP INDEX \"Post_authorId_idx\"",
                "ALTER TABLE \"Post\" ALTER COLUMN \"viewCount\" DROP DEFAULT",
                "CREATE TABLE \"Audit\" (id int PRIMARY KEY)");

        SchemaDrift drift = drift(database, 3);

        assertThat(drift.findings()).as("drift findings")
                .anySatisfy(f -> assertThat(f).startsWith("index \"Post\".\"Post_authorId_idx\": missing in the database")
                        .contains("CREATE INDEX \"Post_authorId_idx\" ON \"Post\" USING btree (\"authorId\")"))
                .anySatisfy(f -> assertThat(f).startsWith("column \"Post\".\"viewCount\": differs").contains("DEFAULT 0"))
                .anySatisfy(f -> assertThat(f).startsWith("table \"Audit\": in the database but not created by any migration"));
        assertThat(drift.render()).as("DBA table").contains("(MISSING)").contains("per the migrations");
    }
}
