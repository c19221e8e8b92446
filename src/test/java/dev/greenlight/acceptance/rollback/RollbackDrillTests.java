package dev.greenlight.acceptance.rollback;

import dev.greenlight.config.Durations;
import dev.greenlight.config.RollbackConfig;
import dev.greenlight.rollback.DrillEvidence;
import dev.greenlight.rollback.DrillReport;
import dev.greenlight.rollback.RollbackDrill;
import dev.greenlight.rollback.RollbackDrillRun;
import dev.greenlight.run.Criterion;
import dev.greenlight.run.EvidenceRecorder;
import dev.greenlight.run.RunContext;
import io.qameta.allure.Allure;
import io.qameta.allure.Feature;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

@RollbackDrill
@Feature("Rollback drill")
@DisplayName("Rollback drill: back up, roll back to the baseline, prove health and data, roll forward")
class RollbackDrillTests {

    @Test
    @Criterion("rollback-drill")
    @DisplayName("Rolling back to the baseline is healthy within its target and loses no row; staging ends back on the candidate")
    void shouldRollBackAndForwardWithinTargets(RunContext run, EvidenceRecorder evidence) {
        RollbackConfig rollback = run.config().rollback();
        assumeTrue(rollback.enabled(), "rollback.enabled is false for target '" + run.config().name() + "': the drill was not run");

        DrillReport report = RollbackDrillRun.of(run.target(), run.masker(), run.settings().runDir().resolve("rollback"), run.clock()).run();
        DrillEvidence.of(report, rollback).forEach(evidence::record);
        Allure.addAttachment("drill summary: steps, durations, targets", "text/plain", report.render(), ".txt");
        Allure.addAttachment("staging's final state", "text/plain", report.finalState().describe(), ".txt");

        assertThat(report.failures()).as("what went wrong in the drill. %s", report.finalState().describe()).isEmpty();
        assertThat(report.rowsLost()).as("rows lost after the rollback, of %d compared", report.rowsCompared()).isZero();
        assertThat(report.proof().restore().took()).as("backup restore time (target %s, rollback.timeToRestore)",
                Durations.format(rollback.timeToRestore())).isLessThanOrEqualTo(rollback.timeToRestore());
        if (rollback.maxBackupMb() > 0) {
            assertThat(report.proof().backup().bytes()).as("backup size in bytes (limit %d MiB, rollback.maxBackupMb)",
                    rollback.maxBackupMb()).isLessThanOrEqualTo(rollback.maxBackupMb() * 1048576);
        }
        if (report.stagingRestoreTime() != null) {
            assertThat(report.stagingRestoreTime()).as("restore over staging's database (target %s, rollback.timeToRestore)",
                    Durations.format(rollback.timeToRestore())).isLessThanOrEqualTo(rollback.timeToRestore());
        }
        assertThat(report.finalState().onCandidate()).as(report.finalState().describe()).isTrue();
    }
}
