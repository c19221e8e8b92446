package dev.greenlight.gate;

import dev.greenlight.evidence.Measurement;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.greenlight.gate.GateFixtures.judge;
import static dev.greenlight.gate.GateFixtures.stamped;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Data integrity, migrations, rollback drill and DB connection: counted, not estimated")
class CountRulesTests {

    @Test
    @DisplayName("data integrity: no row lost is GO, one row is ROLLBACK")
    void shouldRollBackOnAnyCorruptedRow() {
        assertThat(judge("data-integrity", stamped(Measurement.of("data-integrity", "rows compared").count(0, 5000))).status())
                .isEqualTo(CriterionStatus.MET);
        CriterionResult corrupted = judge("data-integrity", stamped(Measurement.of("data-integrity", "rows compared").count(1, 5000)));

        assertThat(corrupted.status()).isEqualTo(CriterionStatus.ROLLBACK);
        assertThat(corrupted.reason()).contains("ROLLBACK line > 0");
    }

    @Test
    @DisplayName("migrations: a failed check is NO-GO")
    void shouldStopOnAFailedMigrationCheck() {
        CriterionResult result = judge("migrations", stamped(Measurement.of("migrations", "checksums match").check(true)),
                stamped(Measurement.of("migrations", "all applied").check(false)));

        assertThat(result.status()).isEqualTo(CriterionStatus.NO_GO);
        assertThat(result.estimate().notes()).anySatisfy(n -> assertThat(n).contains("check failed: 'all applied'"));
    }

    @Test
    @DisplayName("rollback drill: passed within its time target is GO; over it is HOLD; failed is NO-GO")
    void shouldJudgeTheDrillAndItsTimeTarget() {
        Measurement passed = stamped(Measurement.of("rollback-drill", "drill").check(true));
        Measurement quick = stamped(Measurement.of("rollback-drill", "time to roll back").duration(Duration.ofSeconds(95)).attribute("target", "300s"));
        Measurement slow = stamped(Measurement.of("rollback-drill", "time to roll back").duration(Duration.ofSeconds(412)).attribute("target", "300"));

        assertThat(judge("rollback-drill", passed, quick).status()).isEqualTo(CriterionStatus.MET);
        CriterionResult overTime = judge("rollback-drill", passed, slow);
        assertThat(overTime.status()).isEqualTo(CriterionStatus.NOT_MET);
        assertThat(overTime.reason()).contains("412 s", "over its target of 300");
        assertThat(judge("rollback-drill", stamped(Measurement.of("rollback-drill", "drill").check(false)), quick).status())
                .isEqualTo(CriterionStatus.NO_GO);
    }

    @Test
    @DisplayName("DB connection: any failure is ROLLBACK; none in fewer than 10 checks is too little evidence")
    void shouldRollBackOnConnectionFailures() {
        assertThat(judge("db-connection", stamped(Measurement.of("db-connection", "connects").count(1, 500))).status())
                .isEqualTo(CriterionStatus.ROLLBACK);
        assertThat(judge("db-connection", stamped(Measurement.of("db-connection", "connects").count(0, 500))).status())
                .isEqualTo(CriterionStatus.MET);
        assertThat(judge("db-connection", stamped(Measurement.of("db-connection", "connects").count(0, 9))).status())
                .isEqualTo(CriterionStatus.TOO_FEW);
    }
}
