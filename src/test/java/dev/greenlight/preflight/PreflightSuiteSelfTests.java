package dev.greenlight.preflight;

import dev.greenlight.testkit.SampleStaging;
import dev.greenlight.testkit.SampleStagingExtension;
import dev.greenlight.testkit.ScratchRepos;
import dev.greenlight.testkit.SuiteRun;
import dev.greenlight.testkit.SuiteRun.Outcomes;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * The preflight suite against the sample app (reached as a remote target) and scratch repositories of the real Prisma 7
 * example app: it passes on the healthy repository and names each fault — a caret range, uncommitted work, a build that
 * Prisma 7 rejects.
 */
@ExtendWith(SampleStagingExtension.class)
@DisplayName("Preflight suite self-tests: the checklist passes on a healthy upgrade branch and names each fault")
class PreflightSuiteSelfTests {

    private static final String SUITE = "dev.greenlight.acceptance.preflight.";

    @TempDir
    Path work;

    private Outcomes run(SampleStaging app, String fault, String... classes) {
        Path repo = ScratchRepos.create(fault, work.resolve("repo"));
        SuiteRun suite = classes.length == 0 ? SuiteRun.of("preflight")
                : SuiteRun.selecting(java.util.Arrays.stream(classes).map(name -> selectClass(SUITE + name)).toArray(org.junit.platform.engine.DiscoverySelector[]::new));
        return suite.with(app.healthy().asRemoteTarget()).with("greenlight.preflight.repo", repo.toString()).execute(work.resolve("reports"));
    }

    @Test
    @DisplayName("A healthy upgrade branch passes every item; a remote target without rollback steps has no rollback plan")
    void shouldPassOnTheHealthyRepository(SampleStaging app) {
        Outcomes outcomes = run(app, "");

        // the sample app is reached as a remote target here, and local.yaml writes no rollback steps (the local kind restarts
        // its app itself): for a remote target that is a real finding
        assertThat(outcomes.failures()).as("failures on the healthy repository:%s", outcomes.summary())
                .extracting(SuiteRun.Outcome::name).containsExactly("The rollback plan is ready: steps back and forward, each able to start here");
        assertThat(outcomes.named("rollback plan is ready").message()).contains("rollback.steps is empty");
        assertThat(outcomes.passed()).as("checklist items that passed:%s", outcomes.summary()).extracting(SuiteRun.Outcome::name)
                .contains("type check (tsc --noEmit)", "build (npm run build)", "prisma validate", "The checkout is on the upgrade branch");
        assertThat(outcomes.named("backup newer than").message()).as("the embedded database's backup check is out of scope")
                .contains("out of scope").contains("preflight.backup.enabled: false");
    }

    @Test
    @DisplayName("A caret range for prisma is named, with the file and what it says")
    void shouldNameAnUnpinnedVersion(SampleStaging app) {
        Outcomes outcomes = run(app, "unpinned", "UpgradeSetupTests", "RepositoryStateTests");

        assertThat(outcomes.failures()).extracting(SuiteRun.Outcome::name).as(outcomes.summary())
                .containsExactly("prisma, @prisma/client and @prisma/adapter-pg are pinned at the candidate in package.json and the lockfile");
        assertThat(outcomes.named("pinned at the candidate").message()).contains("[criterion: preflight]")
                .contains("prisma is \"^7.0.1\" in package.json, not pinned at 7.0.1 (a range")
                .contains("package-lock.json's root entry");
    }

    @Test
    @DisplayName("Uncommitted work is named file by file")
    void shouldNameUncommittedWork(SampleStaging app) {
        Outcomes outcomes = run(app, "dirty", "RepositoryStateTests");

        assertThat(outcomes.failures()).extracting(SuiteRun.Outcome::name).as(outcomes.summary())
                .containsExactly("Every change is committed: the work tree is clean");
        assertThat(outcomes.named("work tree is clean").message()).contains("prisma.config.ts").contains("untracked").contains("notes.txt");
    }

    @Test
    @DisplayName("A schema Prisma 7 rejects fails the build and prisma validate, with Prisma's error in the evidence")
    void shouldFailTheBuildPrisma7Rejects(SampleStaging app) {
        Outcomes outcomes = run(app, "build", "BuildCommandTests");

        assertThat(outcomes.named("type check (tsc --noEmit)").passed()).as("the app's code still compiles:%s", outcomes.summary()).isTrue();
        assertThat(outcomes.named("build (npm run build)").message()).contains("[criterion: preflight]").contains("exit 1");
        assertThat(outcomes.named("prisma validate").message()).contains("P1012")
                .contains("The datasource property `url` is no longer supported in schema files");
    }
}
