package dev.greenlight.sample.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.sample.SampleStagingApp;
import dev.greenlight.sample.StartupException;
import dev.greenlight.sample.testkit.EmbeddedPostgresExtension;
import dev.greenlight.sample.testkit.RunningApp;
import dev.greenlight.sample.testkit.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EmbeddedPostgresExtension.class)
@DisplayName("Start-only faults: wrong version, broken baseline, silent corruption")
class StartupFaultTests {

    @Test
    void shouldReportTheFaultVersionInHealthAndLog(TestDatabase db) {
        try (RunningApp app = RunningApp.start(db, "version=7.0.0")) {
            assertThat(app.get("/api/health").json().get("prisma").asText()).isEqualTo("7.0.0");
            assertThat(app.log()).contains("Prisma Client 7.0.0 (engine: client, driver adapter: @prisma/adapter-pg)");
        }
    }

    @Test
    void shouldRefuseToStartABrokenBaselineButStartTheCandidate(TestDatabase db) {
        Path log = RunningApp.logFileFor(db);
        var baseline = RunningApp.config(db, log, Map.of("PRISMA_VERSION", "6.19.0"), "baseline=broken");

        assertThatThrownBy(() -> SampleStagingApp.start(baseline))
                .isInstanceOfSatisfying(StartupException.class, e -> assertThat(e.exitCode()).isEqualTo(1));
        assertThat(RunningApp.read(log)).contains("Prisma Client 6.19.0 (engine: library)", "PrismaClientInitializationError");
        assertThat(db.value("SELECT count(*) FROM pg_tables WHERE tablename = '_prisma_migrations'"))
                .as("a client that cannot start touches nothing").isEqualTo(0L);
        try (RunningApp candidate = RunningApp.start(db, "baseline=broken")) {
            assertThat(candidate.get("/api/health").status()).isEqualTo(200);
        }
    }

    @Test
    void shouldDamageAndDeletePostsSilentlyOnTheCandidate(TestDatabase db) {
        String snapshot = "SELECT \"id\", \"title\", \"content\", \"updatedAt\" FROM \"Post\" ORDER BY \"id\"";
        try (RunningApp baseline = RunningApp.start(db, Map.of("PRISMA_VERSION", "6.19.0"), "corrupt=5")) {
            assertThat(baseline.log()).contains("Fault corrupt applies to the candidate (7.0.1) only; ignored");
        }
        Map<Object, Map<String, Object>> before = byId(db.rows(snapshot));

        try (RunningApp candidate = RunningApp.start(db, "corrupt=5")) {
            Map<Object, Map<String, Object>> after = byId(db.rows(snapshot));

            assertThat(before.keySet()).as("one post deleted").hasSize(after.size() + 1);
            long changed = after.entrySet().stream().filter(e -> !e.getValue().equals(before.get(e.getKey()))).count();
            assertThat(changed).as("five posts damaged").isEqualTo(5);
            assertThat(candidate.log()).contains("Post-deploy maintenance finished (6 rows)");
        }
    }

    private static Map<Object, Map<String, Object>> byId(List<Map<String, Object>> rows) {
        return rows.stream().collect(Collectors.toMap(r -> r.get("id"), r -> r));
    }
}
