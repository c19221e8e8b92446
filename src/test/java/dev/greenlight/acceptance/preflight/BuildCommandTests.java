package dev.greenlight.acceptance.preflight;

import dev.greenlight.config.PreflightConfig;
import dev.greenlight.preflight.ApplicationRepository;
import dev.greenlight.preflight.BuildCommand;
import dev.greenlight.preflight.ChecklistEvidence;
import dev.greenlight.preflight.Preflight;
import dev.greenlight.rollback.StepResult;
import dev.greenlight.run.Criterion;
import dev.greenlight.run.EvidenceRecorder;
import dev.greenlight.run.RunContext;
import io.qameta.allure.Allure;
import io.qameta.allure.Feature;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

@Preflight
@Feature("Build")
@Criterion("preflight")
@DisplayName("Build: the checklist's commands pass on the upgrade branch")
class BuildCommandTests {

    @TestFactory
    @DisplayName("Each preflight command succeeds, its output attached")
    Stream<DynamicTest> shouldPassEachCommand(RunContext run, ApplicationRepository repository, EvidenceRecorder evidence) {
        List<PreflightConfig.Command> commands = repository.preflight().commands();
        if (commands.isEmpty()) {
            throw ChecklistEvidence.notRun(evidence, "build commands", "preflight.commands is empty in " + run.sourceOf("preflight.commands"),
                    "list the checklist's commands: tsc --noEmit, npm run build, prisma validate (docs/preflight.md)");
        }
        return commands.stream().map(command -> DynamicTest.dynamicTest(command.name(), () -> {
            BuildCommand build = new BuildCommand(command, repository.project(), run.masker(), repository.preflight().commandTimeout());
            Optional<String> missing = build.missing();
            if (missing.isPresent()) {
                throw ChecklistEvidence.notRun(evidence, command.name(), missing.get(), "install the project's packages in " + repository.project()
                        + " (npm ci) on the machine running Greenlight");
            }
            StepResult result = build.run();
            Allure.addAttachment("output of " + command.name(), "text/plain", result.command() + "\n\n" + result.output(), ".txt");
            if (result.notStarted()) {
                throw ChecklistEvidence.notRun(evidence, command.name(), command.command().get(0) + " is not installed here: " + result.problem(),
                        "install it on the machine running Greenlight (Node.js and npm: apt-get install nodejs npm)");
            }
            ChecklistEvidence.record(evidence, "command · " + command.name(), result.ok() ? List.of() : List.of(result.summary()), 1);

            assertThat(result.ok()).as("[criterion: %s] %s (%s): %s; last output:%n%s", ChecklistEvidence.CRITERION, command.name(), result.command(), result.summary(),
                    last(result.output())).isTrue();
        }));
    }

    private static String last(String output) {
        String text = output.strip();
        return text.length() > 2000 ? "…" + text.substring(text.length() - 2000) : text;
    }
}
