package dev.greenlight.rollback;

import dev.greenlight.config.AppConfig;
import dev.greenlight.config.DatabaseConfig;
import dev.greenlight.config.Masker;
import dev.greenlight.config.RollbackConfig;
import dev.greenlight.config.Secret;
import dev.greenlight.config.TargetConfig;
import dev.greenlight.migration.CopyDestination;
import dev.greenlight.target.LogSource;
import dev.greenlight.target.Target;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Remote deployments: moved by the target file's commands, refused without a way back")
class DeploymentTests {

    private static Target remote(RollbackConfig rollback) {
        TargetConfig config = new TargetConfig("staging", TargetConfig.Kind.REMOTE, null,
                new AppConfig("http://staging.test", null, null, new AppConfig.VersionConfig("7.0.1", "6.19.0", "prisma", null), null, null),
                new DatabaseConfig("jdbc:postgresql://db.staging.test:6543/app", "reader", Secret.of("reader-pw"), null, null, null),
                null, null, null, null, null, null, null, rollback, null, null, null);
        return new Target() {
            @Override
            public TargetConfig config() {
                return config;
            }

            @Override
            public LogSource log() {
                throw new UnsupportedOperationException("no log in this test");
            }

            @Override
            public void close() {
            }
        };
    }

    private static RollbackConfig.Step step(String name, Duration timeout, String... command) {
        return new RollbackConfig.Step(name, List.of(command), timeout, null);
    }

    @Test
    @DisplayName("Rolls back with the steps, placeholders filled, and reports a step that hangs as killed at its timeout")
    void shouldRunTheStepsAndStopAtAHangingOne() {
        RollbackConfig rollback = new RollbackConfig(List.of(step("announce", null, "echo", "to {baseline} from {candidate} at {baseUrl}"),
                step("deploy", Duration.ofMillis(300), "sleep", "30"), step("never", null, "true")),
                List.of(step("forward", null, "true")), Duration.ofSeconds(20), null, null, null);

        List<StepResult> results = Deployment.of(remote(rollback), Masker.patternsOnly()).rollBack();

        assertThat(results).as("steps run").extracting(StepResult::name).containsExactly("announce", "deploy");
        assertThat(results.get(0).output().strip()).as("filled placeholders").isEqualTo("to 6.19.0 from 7.0.1 at http://staging.test");
        assertThat(results.get(1).summary()).as("the hanging step").isEqualTo("deploy: killed after its 300ms timeout (with every process it started)");
    }

    @Test
    @DisplayName("Without roll-back or roll-forward steps a remote drill is refused before it touches anything")
    void shouldRefuseWithoutStepsBothWays() {
        Deployment noBack = Deployment.of(remote(new RollbackConfig(null, List.of(step("f", null, "true")), null, null, null, null)),
                Masker.patternsOnly());
        Deployment noForward = Deployment.of(remote(new RollbackConfig(List.of(step("b", null, "true")), null, null, null, null, null)),
                Masker.patternsOnly());

        assertThat(noBack.refusal()).as("no rollback steps").hasValueSatisfying(why -> assertThat(why).contains("rollback.steps is empty"));
        assertThat(noForward.refusal()).as("no roll-forward steps")
                .hasValueSatisfying(why -> assertThat(why).contains("would leave staging on the baseline"));
    }

    @Test
    @DisplayName("Restores over a remote database as rollback.restoreUser, not as Greenlight's read-only role")
    void shouldRestoreAsTheRestoreUser() {
        RollbackConfig rollback = new RollbackConfig(null, null, null, null, null, null, null, true, "app_owner",
                Secret.of("owner-pw"), null, null);

        CopyDestination destination = Deployment.of(remote(rollback), Masker.patternsOnly()).restoreDestination();

        assertThat(destination).as("restore destination")
                .isEqualTo(new CopyDestination("db.staging.test", 6543, "app", "app_owner", "owner-pw"));
    }
}
