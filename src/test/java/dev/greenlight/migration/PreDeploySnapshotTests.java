package dev.greenlight.migration;

import dev.greenlight.config.Masker;
import dev.greenlight.config.MigrationConfig;
import dev.greenlight.config.TargetConfig;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PreDeploySnapshotTests {

    @TempDir
    Path reports;

    private MigrationTarget target(String name, String database) {
        TargetConfig config = TargetConfig.defaults(name, TargetConfig.Kind.REMOTE)
                .withDatabase(TestDatabases.config(database))
                .withMigrations(new MigrationConfig(TestDatabases.MIGRATIONS.toString(), List.of()));
        return new MigrationTarget(config, Masker.patternsOnly());
    }

    @Test
    @DisplayName("The snapshot command's pre-deploy snapshot is found for its own target, and refused for another or when stale")
    void shouldRefuseForeignOrStaleSnapshot() throws Exception {
        String database = TestDatabases.migrated(2);
        MigrationTarget staging = target("staging", database);
        Path shared = PreDeploySnapshot.sharedDirectory(reports);
        PreDeploySnapshot.capture(staging, shared, PreDeploySnapshot.LABEL, false, Clock.systemUTC());
        Path runDir = reports.resolve("run-1");
        Instant now = Instant.now();

        assertThat(PreDeploySnapshot.find(staging, runDir, shared, false, now)).as("found for its target").isPresent();
        assertThatThrownBy(() -> PreDeploySnapshot.find(target("other", database), runDir, shared, false, now))
                .hasMessageContaining("was taken on target 'staging'").hasMessageContaining("greenlight snapshot --target other");
        assertThatThrownBy(() -> PreDeploySnapshot.find(staging, runDir, shared, false, now.plus(Duration.ofDays(4))))
                .hasMessageContaining("is stale");
        assertThatThrownBy(() -> PreDeploySnapshot.find(staging, runDir, shared, true, now))
                .as("the local target never uses an earlier run's snapshot").hasMessageContaining("from an earlier run");
    }

    @Test
    @DisplayName("A failure before the deploy is recorded for the suite instead of stopping the deploy; the run's own snapshot wins")
    void shouldRecordFailureAndPreferRunSnapshot() throws Exception {
        MigrationTarget broken = target("local", "no_such_database");
        Path runDir = reports.resolve("run-2");
        PreDeploySnapshot.captureOrRecord(broken, runDir, false, Clock.systemUTC());

        assertThat(Files.readString(runDir.resolve("pre-deploy.error.txt"))).contains("no_such_database");
        assertThatThrownBy(() -> PreDeploySnapshot.find(broken, runDir, reports, true, Instant.now()))
                .hasMessageContaining("could not be taken before the deploy");

        MigrationTarget healthy = target("local", TestDatabases.migrated(2));
        Path ownRun = reports.resolve("run-3");
        PreDeploySnapshot.captureOrRecord(healthy, ownRun, true, Clock.systemUTC());
        assertThat(PreDeploySnapshot.find(healthy, ownRun, reports, true, Instant.now())).get()
                .satisfies(found -> assertThat(found.file()).isEqualTo(ownRun.resolve("pre-deploy.json")));
        assertThat(PreDeploySnapshot.rehearsal(ownRun.resolve("pre-deploy.json"))).get()
                .satisfies(rehearsal -> assertThat(rehearsal.pending()).containsExactly("20241127090000_prisma7_user_created_at_author_index"));
    }
}
