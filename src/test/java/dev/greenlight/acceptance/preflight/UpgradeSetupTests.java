package dev.greenlight.acceptance.preflight;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.config.PreflightConfig;
import dev.greenlight.preflight.ApplicationRepository;
import dev.greenlight.preflight.ChecklistEvidence;
import dev.greenlight.preflight.NodeRequirement;
import dev.greenlight.preflight.PackagePins;
import dev.greenlight.preflight.Preflight;
import dev.greenlight.preflight.PrismaSetup;
import dev.greenlight.run.Criterion;
import dev.greenlight.run.EvidenceRecorder;
import io.qameta.allure.Feature;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

@Preflight
@Feature("Prisma 7 setup")
@Criterion("preflight")
@DisplayName("Upgrade setup: Prisma pinned at the candidate, the project set up the way Prisma 7 needs")
class UpgradeSetupTests {

    @Test
    @DisplayName("prisma, @prisma/client and @prisma/adapter-pg are pinned at the candidate in package.json and the lockfile")
    void shouldPinThePrismaPackagesAtTheCandidate(ApplicationRepository repository, EvidenceRecorder evidence) {
        PreflightConfig preflight = repository.preflight();
        List<String> findings = PackagePins.findings(repository.packageJson(), repository.lockfile().orElse(null), preflight.packages(),
                repository.candidate());
        ChecklistEvidence.record(evidence, "versions pinned at " + repository.candidate(), findings, preflight.packages().size());

        assertThat(findings).as("packages %s not pinned at %s in %s", preflight.packages(), repository.candidate(), repository.project())
                .isEmpty();
    }

    @Test
    @DisplayName("prisma.config.ts is there, the generator is prisma-client with an explicit output, and the client is ESM")
    void shouldHaveThePrisma7ProjectSetup(ApplicationRepository repository, EvidenceRecorder evidence) {
        PreflightConfig preflight = repository.preflight();
        List<String> findings = PrismaSetup.findings(repository.read(preflight.schema()).orElse(null), preflight.schema(),
                repository.exists(preflight.prismaConfig()), preflight.prismaConfig(), repository.packageJson());
        ChecklistEvidence.record(evidence, "Prisma 7 project setup", findings, 3);

        assertThat(findings).as("what %s lacks for Prisma 7", repository.project()).isEmpty();
    }

    @Test
    @DisplayName("The Node.js version the project pins meets Prisma 7's minimum")
    void shouldPinANodeVersionPrisma7Supports(ApplicationRepository repository, EvidenceRecorder evidence) {
        JsonNode packageJson = repository.packageJson();
        String minimum = repository.preflight().nodeMinimum();
        Optional<NodeRequirement> pin = NodeRequirement.of(repository.project(), packageJson);
        List<String> findings = pin.map(requirement -> requirement.shortOf(minimum).stream().toList())
                .orElse(List.of("the project pins no Node.js version (engines.node in package.json, .nvmrc or .node-version): "
                        + "a machine may run it on one older than Prisma 7's minimum " + minimum));
        ChecklistEvidence.record(evidence, "Node.js pinned at " + minimum + " or later", findings, 1);

        assertThat(findings).as("the Node.js pin of %s against %s", repository.project(), minimum).isEmpty();
    }
}
