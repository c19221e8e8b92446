package dev.greenlight.gate;

import dev.greenlight.config.GateConfig;
import dev.greenlight.evidence.Measurement;
import io.qameta.allure.model.Status;
import org.apache.commons.io.file.PathUtils;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.greenlight.gate.GateFixtures.DAY;
import static dev.greenlight.gate.GateFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Evidence fingerprint: what the decision is made from, and nothing the gate or a reviewer writes afterwards")
class EvidenceFingerprintTests {

    @TempDir
    Path tmp;

    private Path run;
    private Path allure;
    private Path baselines;

    @BeforeEach
    void evidence() throws Exception {
        List<Measurement> measurements = new ArrayList<>(HealthyEvidence.measurements());
        measurements.add(GateFixtures.stamped(Measurement.of("baseline", "mean latency vs baseline prisma-6.19.0").value(1.01, "ratio", 900)
                .interval(1.0, 1.02).attribute("baseline", "prisma-6.19.0")));
        run = EvidenceFiles.finishedRun(tmp.resolve("reports").resolve("evidence"), "run-1", T0.plus(DAY), measurements);
        allure = run.resolve("allure-results");
        new AllureTestFiles(allure).writeWithEvidence("shouldHoldUnderLoad", "error-rate");
        baselines = Files.createDirectories(tmp.resolve("reports").resolve("baselines"));
        Files.createDirectories(baselines.resolve("prisma-6.19.0"));
        Files.writeString(baselines.resolve("prisma-6.19.0").resolve("summary.json"), "{\"meanMs\": 100}");
        Files.writeString(baselines.resolve("prisma-6.19.0").resolve("latency.hlog"), "#[interval log]\n");
        Files.createDirectories(baselines.resolve("unrelated"));
        Files.writeString(baselines.resolve("unrelated").resolve("summary.json"), "{}");
    }

    @Test
    @DisplayName("every run.json, measurement file, test result, attachment, the criteria and the named baseline are in it, by kind")
    void shouldListEveryInputByKind() {
        EvidenceFingerprint fp = fingerprint(run, allure, null, Map.of());

        assertThat(fp.files()).extracting(EvidenceFingerprint.Input::kind)
                .containsExactlyInAnyOrder("run", "measurements", "allure-result", "attachment", "criteria", "baseline", "baseline");
        assertThat(fp.baselines()).containsOnlyKeys("prisma-6.19.0");
        assertThat(fp.value()).matches("sha256:[0-9a-f]{64}");
    }

    @Test
    @DisplayName("unchanged by a signature, by the gate's own results, or by moving the evidence; changed by a byte of evidence, baseline or setting")
    void shouldChangeWithTheEvidenceOnly() throws Exception {
        Path sheet = Files.copy(Path.of("suites", "signoff.yaml"), tmp.resolve("signoff.yaml"));
        String before = fingerprint(run, allure, sheet, Map.of()).value();

        Files.writeString(sheet, Files.readString(sheet).replaceFirst("name: \"\"", "name: \"Ada\""));
        new Gate(java.time.Clock.systemUTC()).run(new Gate.Request(List.of(run), List.of(allure), GateFixtures.CRITERIA, sheet,
                tmp.resolve("verdict"), allure, null)); // the gate's Go/No-Go results land among the inputs
        Path moved = Files.createDirectories(tmp.resolve("archive")).resolve("run-1");
        PathUtils.copyDirectory(run, moved);
        String after = fingerprint(run, allure, sheet, Map.of()).value();
        String elsewhere = fingerprint(moved, moved.resolve("allure-results"), sheet, Map.of()).value();
        String otherLines = fingerprint(run, allure, sheet, Map.of("memory", new GateConfig.Lines("< 500MB/h", null, null))).value();
        Files.writeString(baselines.resolve("prisma-6.19.0").resolve("summary.json"), "{\"meanMs\": 120}");
        String otherBaseline = fingerprint(run, allure, sheet, Map.of()).value();
        new AllureTestFiles(allure).write("shouldAppearLater", Status.PASSED, "Smoke");
        String moreTests = fingerprint(run, allure, sheet, Map.of()).value();

        assertThat(after).as("a signature and the gate's own results leave it as it was").isEqualTo(before);
        assertThat(elsewhere).as("the same content elsewhere").isEqualTo(before);
        assertThat(List.of(otherLines, otherBaseline, moreTests)).as("other settings, baseline, tests").doesNotContain(before).doesNotHaveDuplicates();
    }

    private EvidenceFingerprint fingerprint(Path runDir, Path results, Path sheet, Map<String, GateConfig.Lines> lines) {
        return Gate.read(new Gate.Request(List.of(runDir), List.of(results), GateFixtures.CRITERIA, sheet, tmp.resolve("verdict"), null,
                Duration.ofSeconds(50), lines, List.of(baselines))).fingerprint();
    }
}
