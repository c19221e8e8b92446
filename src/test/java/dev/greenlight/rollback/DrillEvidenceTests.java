package dev.greenlight.rollback;

import dev.greenlight.config.RollbackConfig;
import dev.greenlight.evidence.Measurement;
import dev.greenlight.evidence.MeasurementBuilder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Drill evidence: each figure with its target; what was not reached is left out")
class DrillEvidenceTests {

    private static final RollbackConfig TARGETS = new RollbackConfig(null, null, null, Duration.ofSeconds(90), null, null);

    private static DrillReport report(List<String> failures, Duration toHealthy, long lost) {
        FinalState state = new FinalState("7.0.1", new DeployedVersion.Seen(true, "7.0.1", "ok"), true);
        return new DrillReport("test", List.of(), failures, null, false, toHealthy, Duration.ofSeconds(3), "not needed", null,
                lost, lost < 0 ? -1 : 0, lost < 0 ? -1 : 0, lost < 0 ? 0 : 50, state);
    }

    private static List<Measurement> of(DrillReport report) {
        return DrillEvidence.of(report, TARGETS).stream().map(MeasurementBuilder::build).toList();
    }

    @Test
    @DisplayName("A passed drill records the check, the times against their targets and the rows lost out of those compared")
    void shouldRecordPassedDrill() {
        List<Measurement> measurements = of(report(List.of(), Duration.ofMillis(2500), 0));

        assertThat(measurements).as("measurements").extracting(Measurement::name).containsExactly("rollback drill passed",
                "time to roll back (to healthy)", "time to roll forward", "rows lost after rollback");
        assertThat(measurements.get(0).value()).as("check").isEqualTo(1.0);
        assertThat(measurements.get(1).value()).as("seconds to healthy").isEqualTo(2.5);
        assertThat(measurements.get(1).attributes()).as("its target").containsEntry("target", "90s");
        assertThat(measurements.get(3).samples()).as("rows compared").isEqualTo(50);
    }

    @Test
    @DisplayName("A failed drill records the failure and no time it did not reach")
    void shouldLeaveOutWhatWasNotReached() {
        List<Measurement> measurements = of(report(List.of("the baseline 6.19.0 does not start"), null, -1));

        assertThat(measurements).as("measurements").extracting(Measurement::name)
                .containsExactly("rollback drill passed", "time to roll forward");
        assertThat(measurements.get(0).value()).as("check").isZero();
        assertThat(measurements.get(0).attributes().get("failures")).as("failures").contains("does not start");
    }
}
