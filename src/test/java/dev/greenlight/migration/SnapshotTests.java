package dev.greenlight.migration;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SnapshotTests {

    @TempDir
    Path dir;

    private Snapshot take(String database, String label, Exclusions exclusions, Snapshot earlier, long rowDetailLimit) {
        SnapshotRequest request = SnapshotRequest.of(label, "test", "db", "public", exclusions, dir).sized(100, rowDetailLimit);
        SnapshotRequest compared = earlier == null ? request : request.comparedWith(earlier);
        return TestDatabases.readOnly(database).read("snapshot", c -> SnapshotTaker.take(c, compared, Clock.systemUTC()));
    }

    @Test
    @DisplayName("Unchanged data compares identical, through a save and load of the snapshot")
    void shouldCompareIdenticalAfterSaveAndLoad() throws SQLException {
        String database = TestDatabases.migrated(2);
        TestDatabases.seed(database, 20, 10);
        Snapshot before = take(database, "pre-deploy", Exclusions.none(), null, 1000);
        Path file = SnapshotStore.save(before, dir.resolve("pre-deploy.json"));
        Snapshot loaded = SnapshotStore.load(file);

        SnapshotDiff diff = SnapshotDiff.compare(loaded, take(database, "post-deploy", Exclusions.none(), loaded, 1000), Exclusions.none());

        assertThat(loaded.table("Post")).get().satisfies(post -> {
            assertThat(post.rows()).as("posts").isEqualTo(200);
            assertThat(post.chunks()).as("chunks").isNotEmpty();
            assertThat(post.primaryKey()).containsExactly("id");
        });
        assertThat(diff.damaged()).as("damaged tables").isEmpty();
        assertThat(diff.rowsCompared()).as("rows compared").isEqualTo(220);
    }

    @Test
    @DisplayName("A deleted, an altered and an added row are each named by primary key")
    void shouldNameLostChangedAndAddedRows() throws SQLException {
        String database = TestDatabases.migrated(2);
        TestDatabases.seed(database, 20, 10);
        Snapshot before = take(database, "pre-deploy", Exclusions.none(), null, 1000);
        TestDatabases.execute(database, "DELETE FROM \"Post\" WHERE id IN (41, 42, 43)",
                "UPDATE \"Post\" SET content = 'cut' WHERE id = 77",
                "INSERT INTO \"Post\" (id, \"updatedAt\", title) VALUES (5000, now(), 'new')");

        SnapshotDiff diff = SnapshotDiff.compare(before, take(database, "post-deploy", Exclusions.none(), before, 1000), Exclusions.none());

        SnapshotDiff.TableDiff posts = diff.tables().stream().filter(t -> t.table().equals("Post")).findFirst().orElseThrow();
        assertThat(posts.lost()).as("lost").isEqualTo(3);
        assertThat(posts.changed()).as("changed").isEqualTo(1);
        assertThat(posts.added()).as("added").isEqualTo(1);
        assertThat(posts.summary()).as("summary").contains("lost id 41..43 (3 rows)").contains("changed id 77 (1 row)")
                .contains("added id 5000 (1 row)");
    }

    @Test
    @DisplayName("Excluded columns, new columns and Greenlight's tagged rows do not count as changes")
    void shouldHonourExclusions() throws SQLException {
        String database = TestDatabases.migrated(2);
        TestDatabases.seed(database, 20, 10);
        Exclusions exclusions = Exclusions.parse(List.of("Post.viewCount"), List.of("User.email", "Post.title"), "gl");
        Snapshot before = take(database, "pre-deploy", exclusions, null, 1000);
        TestDatabases.execute(database, "UPDATE \"Post\" SET \"viewCount\" = \"viewCount\" + 1",
                "INSERT INTO \"User\" (email) VALUES ('alice+gl-20261125-184501-k3f9@example.com')",
                "INSERT INTO \"Post\" (\"updatedAt\", title) VALUES (now(), 'Draft gl-20261125-184501-k3f9')",
                "ALTER TABLE \"User\" ADD COLUMN \"createdAt\" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP");

        Snapshot after = take(database, "post-deploy", exclusions, before, 1000);
        SnapshotDiff diff = SnapshotDiff.compare(before, after, exclusions);

        assertThat(diff.rowsLost() + diff.rowsChanged() + diff.rowsAdded()).as("rows lost, changed or added").isZero();
        assertThat(after.table("User")).get().extracting(Snapshot.Table::taggedRows).as("tagged users left out").isEqualTo(1L);
        assertThat(diff.notes()).as("notes").anySatisfy(note -> assertThat(note).contains("User.createdAt is new"));
        assertThat(exclusions.excludesTable("_prisma_migrations")).as("Prisma's table always excluded").isTrue();
    }

    @Test
    @DisplayName("Without row detail, a difference is still localised to a key range by content-defined chunks")
    void shouldLocaliseByChunksWithoutRowDetail() throws SQLException {
        String database = TestDatabases.migrated(2);
        TestDatabases.seed(database, 50, 100);
        Snapshot before = take(database, "pre-deploy", Exclusions.none(), null, 0);
        TestDatabases.execute(database, "DELETE FROM \"Post\" WHERE id = 2500", "UPDATE \"Post\" SET title = 'x' WHERE id = 4000");

        SnapshotDiff diff = SnapshotDiff.compare(before, take(database, "post-deploy", Exclusions.none(), before, 0), Exclusions.none());

        SnapshotDiff.TableDiff posts = diff.tables().stream().filter(t -> t.table().equals("Post")).findFirst().orElseThrow();
        assertThat(before.table("Post").orElseThrow().rowFile()).as("no row file over the limit").isNull();
        assertThat(posts.exact()).isFalse();
        assertThat(posts.lost()).as("net rows lost").isEqualTo(1);
        assertThat(posts.ranges()).as("differing ranges").hasSize(2).allSatisfy(range -> assertThat(range.rowsBefore()).isLessThan(1000));
        assertThat(posts.ranges().get(0).first()).satisfies(first -> assertThat(Long.parseLong(first)).isLessThanOrEqualTo(2500));
        assertThat(Long.parseLong(posts.ranges().get(0).last())).isGreaterThanOrEqualTo(2500);
        assertThat(Long.parseLong(posts.ranges().get(1).first())).isLessThanOrEqualTo(4000);
        assertThat(Long.parseLong(posts.ranges().get(1).last())).isGreaterThanOrEqualTo(4000);
        assertThat(Files.exists(dir.resolve("pre-deploy.rows"))).isTrue();
        assertThat(Set.copyOf(diff.damaged())).hasSize(1);
    }
}
