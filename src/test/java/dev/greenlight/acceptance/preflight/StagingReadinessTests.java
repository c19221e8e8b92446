package dev.greenlight.acceptance.preflight;

import dev.greenlight.config.PreflightConfig;
import dev.greenlight.config.TargetConfig;
import dev.greenlight.db.DatabaseUnavailableException;
import dev.greenlight.db.ReadOnlyDatabase;
import dev.greenlight.migration.HistoryFinding;
import dev.greenlight.migration.MigrationHistory;
import dev.greenlight.migration.MigrationRow;
import dev.greenlight.migration.MigrationTarget;
import dev.greenlight.preflight.BackupAge;
import dev.greenlight.preflight.ChecklistEvidence;
import dev.greenlight.preflight.Preflight;
import dev.greenlight.preflight.RollbackPlan;
import dev.greenlight.preflight.StagingAnswers;
import dev.greenlight.run.Criterion;
import dev.greenlight.run.EvidenceRecorder;
import dev.greenlight.run.NotRun;
import dev.greenlight.run.RunContext;
import io.qameta.allure.Allure;
import io.qameta.allure.Feature;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

@Preflight
@Feature("Staging readiness")
@Criterion("preflight")
@DisplayName("Staging readiness: configured and answering, read-only access, a fresh backup, migrations clean, a rollback plan")
class StagingReadinessTests {

    @Test
    @DisplayName("The staging URL and database URL are configured, and the staging URLs answer")
    void shouldAnswerOnTheConfiguredUrls(TargetConfig target, RunContext run, EvidenceRecorder evidence) {
        List<String> findings = StagingAnswers.findings(target, run.masker());
        ChecklistEvidence.record(evidence, "staging configured and answering", findings, 3);

        assertThat(findings).as("staging URLs of %s", target.name()).isEmpty();
    }

    @Test
    @DisplayName("The database accepts Greenlight's read-only role")
    void shouldAcceptTheReadOnlyRole(TargetConfig target, RunContext run, EvidenceRecorder evidence) {
        String readOnly;
        try {
            readOnly = new ReadOnlyDatabase(target.database(), run.masker()).read("checking the read-only session", connection -> {
                try (java.sql.Statement statement = connection.createStatement();
                     java.sql.ResultSet result = statement.executeQuery("SHOW transaction_read_only")) {
                    return result.next() ? result.getString(1) : "unknown";
                }
            });
        } catch (DatabaseUnavailableException e) {
            ChecklistEvidence.record(evidence, "read-only role accepted", List.of(e.getMessage()), 1);
            throw e;
        }
        ChecklistEvidence.record(evidence, "read-only role accepted", List.of(), 1);

        assertThat(readOnly).as("transaction_read_only of Greenlight's session as %s", target.database().user()).isEqualTo("on");
    }

    @Test
    @DisplayName("A backup newer than preflight.backup.maxAge exists")
    void shouldHaveARecentBackup(TargetConfig target, RunContext run, EvidenceRecorder evidence) {
        PreflightConfig.Backup backup = target.preflight().backup();
        if (!backup.enabled()) {
            throw NotRun.outOfScope("the database backup check", "preflight.backup.enabled: false in " + run.sourceOf("preflight.backup.enabled"));
        }
        if (!backup.configured()) {
            throw ChecklistEvidence.notRun(evidence, "database backed up", "preflight.backup names neither a file nor a command",
                    "set preflight.backup.file (a backup file or its directory) or preflight.backup.command (lists the backups)");
        }
        Optional<BackupAge> newest = BackupAge.find(backup, run.masker());
        List<String> findings = newest.isEmpty() ? List.of("no backup found at " + BackupAge.where(backup))
                : newest.get().age(run.clock()).compareTo(backup.maxAge()) > 0
                ? List.of("the newest backup is older than " + dev.greenlight.config.Durations.format(backup.maxAge()) + ": "
                        + newest.get().describe(run.clock())) : List.of();
        newest.ifPresent(found -> Allure.addAttachment("newest backup", found.describe(run.clock())));
        ChecklistEvidence.record(evidence, "database backed up", findings, 1);

        assertThat(findings).as("a backup at most %s old", dev.greenlight.config.Durations.format(backup.maxAge())).isEmpty();
    }

    @Test
    @DisplayName("The migration status is clean: nothing failed, edited or unknown (pending migrations listed)")
    void shouldHaveACleanMigrationStatus(RunContext run, EvidenceRecorder evidence) {
        MigrationTarget target = new MigrationTarget(run.config(), run.masker());
        List<MigrationRow> rows = target.database().read("reading _prisma_migrations", connection ->
                MigrationRow.tableExists(connection, target.schema()) ? MigrationRow.readAll(connection, target.schema()) : List.of());
        MigrationHistory history = MigrationHistory.check(target.folders(), rows);
        Allure.addAttachment("migration status", "text/plain", history.render(), ".txt");
        List<String> pending = history.findings().stream().filter(f -> f.problem() == HistoryFinding.Problem.NOT_APPLIED)
                .map(HistoryFinding::migration).toList();
        List<String> findings = history.findings().stream().filter(f -> f.problem() != HistoryFinding.Problem.NOT_APPLIED)
                .map(HistoryFinding::message).toList();
        ChecklistEvidence.record(evidence, "migration status" + (pending.isEmpty() ? "" : " (pending, the deploy applies them: "
                + String.join(", ", pending) + ")"), findings, history.checked());

        assertThat(findings).as("migration history problems before the deploy (%d checked)", history.checked()).isEmpty();
    }

    @Test
    @DisplayName("The rollback plan is ready: steps back and forward, each able to start here")
    void shouldHaveTheRollbackPlanReady(TargetConfig target, EvidenceRecorder evidence) {
        List<String> findings = RollbackPlan.findings(target, System.getenv("PATH"));
        ChecklistEvidence.record(evidence, "rollback plan ready", findings,
                Math.max(1, target.rollback().steps().size() + target.rollback().forwardSteps().size()));

        assertThat(findings).as("rollback.* of %s", target.name()).isEmpty();
    }
}
