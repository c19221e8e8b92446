package dev.greenlight.preflight;

import dev.greenlight.config.RollbackConfig;
import dev.greenlight.config.TargetConfig;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Rollback plan readiness: steps written down, each able to start here")
class RollbackPlanTests {

    private static TargetConfig remote(List<RollbackConfig.Step> steps, List<RollbackConfig.Step> forward) {
        TargetConfig base = TargetConfig.defaults("staging", TargetConfig.Kind.REMOTE);
        return new TargetConfig(base.name(), base.kind(), null, base.app(), null, null, null, null, null, null, null, null,
                new RollbackConfig(steps, forward, null, null, null, null), null, null, null);
    }

    @Test
    @DisplayName("A remote target without steps has no plan; the local kind restarts its app itself")
    void shouldNeedStepsForARemoteTarget() {
        assertThat(RollbackPlan.findings(remote(List.of(), List.of()), "/usr/bin:/bin")).as("remote without steps")
                .anySatisfy(f -> assertThat(f).startsWith("rollback.steps is empty"))
                .anySatisfy(f -> assertThat(f).startsWith("rollback.forwardSteps is empty"));
        assertThat(RollbackPlan.findings(TargetConfig.defaults("local", TargetConfig.Kind.LOCAL), "/usr/bin:/bin")).as("local kind").isEmpty();
    }

    @Test
    @DisplayName("A step whose program is not installed or whose directory is missing is named")
    void shouldNameAStepThatCannotStart() {
        RollbackConfig.Step fine = new RollbackConfig.Step("list", List.of("sh", "-c", "true"), null, null);
        RollbackConfig.Step absent = new RollbackConfig.Step("deploy", List.of("kubectl-nowhere", "apply"), null, "/nowhere/app");

        assertThat(RollbackPlan.findings(remote(List.of(fine), List.of(absent)), "/usr/bin:/bin")).as("findings")
                .containsExactly("rollback step 'deploy': working directory /nowhere/app does not exist here",
                        "rollback step 'deploy': kubectl-nowhere is not installed here (not on the PATH)");
    }
}
