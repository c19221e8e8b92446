package dev.greenlight.acceptance.migration;

import dev.greenlight.config.TargetConfig;
import dev.greenlight.migration.MigrationTarget;
import dev.greenlight.migration.PreDeploySnapshot;
import dev.greenlight.run.RunContext;

import java.util.Optional;

/** Finds this run's pre-deploy evidence: the run's own (local target) or the one the snapshot command left. */
final class PreDeployEvidence {

    private PreDeployEvidence() {
    }

    static Optional<PreDeploySnapshot.Found> find(RunContext run, MigrationTarget target) {
        return PreDeploySnapshot.find(target, PreDeploySnapshot.runDirectory(run.settings().runDir()),
                PreDeploySnapshot.sharedDirectory(run.settings().evidenceDir()),
                run.config().kind() == TargetConfig.Kind.LOCAL, run.clock().instant());
    }
}
