package dev.greenlight.migration;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/** The case: one deleted and one altered row in a table of 100,000 rows. Speed is measured by {@link SnapshotBenchmark}. */
class LargeTableComparisonTests {

    @TempDir
    Path dir;

    @Test
    @DisplayName("One deleted and one altered row among 100,000 are found and named")
    void shouldFindOneDeletedAndOneAlteredRowIn100kRows() throws SQLException {
        String database = TestDatabases.migrated(3);
        TestDatabases.seed(database, 1000, 100);
        Snapshot before = take(database, "pre-deploy", null);
        TestDatabases.execute(database, "DELETE FROM \"Post\" WHERE id = 31337",
                "UPDATE \"Post\" SET content = left(content, 3) WHERE id = 77777");

        SnapshotDiff diff = SnapshotDiff.compare(SnapshotStore.load(SnapshotStore.save(before, dir.resolve("pre-deploy.json"))),
                take(database, "post-deploy", before), Exclusions.none());

        SnapshotDiff.TableDiff posts = diff.damaged().get(0);
        assertThat(before.table("Post").orElseThrow().rows()).as("rows in Post before").isEqualTo(100_000);
        assertThat(diff.damaged()).as("damaged tables").hasSize(1);
        assertThat(posts.summary()).as("what the comparison says")
                .contains("1 rows lost: lost id 31337 (1 row)").contains("1 rows changed: changed id 77777 (1 row)");
    }

    private Snapshot take(String database, String label, Snapshot earlier) {
        SnapshotRequest request = SnapshotRequest.of(label, "test", "db", "public", Exclusions.none(), dir);
        SnapshotRequest compared = earlier == null ? request : request.comparedWith(earlier);
        return TestDatabases.readOnly(database).read("snapshot", c -> SnapshotTaker.take(c, compared, Clock.systemUTC()));
    }
}
