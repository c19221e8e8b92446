package dev.greenlight.migration;

import dev.greenlight.cli.Greenlight;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SnapshotCommandTests {

    @TempDir
    Path dir;

    @Test
    @DisplayName("`greenlight snapshot` saves the pre-deploy snapshot where the suite looks; --compare-with exits 1 on a lost row")
    void shouldTakeAndCompareSnapshots() throws Exception {
        String database = TestDatabases.migrated(3);
        TestDatabases.seed(database, 10, 5);
        Path targetFile = dir.resolve("staging.yaml");
        Files.writeString(targetFile, """
                kind: remote
                app:
                  baseUrl: http://127.0.0.1:9
                database:
                  jdbcUrl: %s
                  user: %s
                migrations:
                  dir: %s
                """.formatted(TestDatabases.server().jdbcUrl(database), TestDatabases.server().user(),
                TestDatabases.MIGRATIONS.toAbsolutePath()));
        Path reports = dir.resolve("reports");

        int taken = Greenlight.run("snapshot", "--target-file", targetFile.toString(), "--reports", reports.toString(),
                "--label", "pre-deploy", "--no-rehearse");
        TestDatabases.execute(database, "DELETE FROM \"Post\" WHERE id = 7");
        int compared = Greenlight.run("snapshot", "--target-file", targetFile.toString(), "--reports", reports.toString(),
                "--label", "post-deploy", "--no-rehearse", "--compare-with", "pre-deploy");

        assertThat(taken).as("exit code of the pre-deploy snapshot").isZero();
        assertThat(reports.resolve("evidence/snapshots/pre-deploy.json")).as("where the suite finds it").isRegularFile();
        assertThat(compared).as("exit code when a row was lost").isEqualTo(1);
    }

    @Test
    @DisplayName("A target without a database is one clear message, exit code 2")
    void shouldExplainMissingDatabase() throws Exception {
        Path targetFile = dir.resolve("nodb.yaml");
        Files.writeString(targetFile, "kind: remote\napp:\n  baseUrl: http://127.0.0.1:9\n");

        assertThat(Greenlight.run("snapshot", "--target-file", targetFile.toString(), "--reports", dir.toString()))
                .as("exit code").isEqualTo(Greenlight.BAD_INPUT);
    }
}
