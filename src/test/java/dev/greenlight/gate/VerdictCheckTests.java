package dev.greenlight.gate;

import dev.greenlight.config.GateConfig;
import io.qameta.allure.model.Status;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static dev.greenlight.gate.GateFixtures.DAY;
import static dev.greenlight.gate.GateFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("gate --verify: a verdict stands on unchanged evidence; any change is named, file by file")
class VerdictCheckTests {

    @TempDir
    Path tmp;

    private Path reports;
    private Path runDir;
    private Path verdict;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** The main job's end, as FinishCommand runs it: results kept with the run before and after judging, gate results added. */
    @BeforeEach
    void judgeARun() throws Exception {
        reports = tmp.resolve("reports");
        runDir = EvidenceFiles.finishedRun(reports.resolve("evidence"), "20241127-090000", T0.plus(DAY), HealthyEvidence.measurements());
        AllureTestFiles allure = new AllureTestFiles(reports.resolve("allure-results"));
        allure.writeWithEvidence("shouldHoldTheErrorRateUnderLoad", "error-rate");
        allure.write("shouldSignUpAndPublish", Status.PASSED, "Critical path", "critical-features");
        for (int i = 0; i < 12; i++) {
            allure.write("shouldAnswerEndpoint" + i, Status.PASSED, "Smoke", "error-rate");
        }
        Path suites = Files.createDirectories(tmp.resolve("suites"));
        Files.copy(GateFixtures.CRITERIA, suites.resolve("go-no-go.yaml"));
        Files.copy(Path.of("suites", "signoff.yaml"), suites.resolve("signoff.yaml"));
        GateConfig gate = new GateConfig(Duration.ofSeconds(50), Map.of("memory", new GateConfig.Lines("< 500MB/h", "> 500MB/h", null)));
        RunJudgement.judge(reports, suites, runDir, gate, Clock.fixed(T0.plus(DAY), ZoneOffset.UTC));
        verdict = reports.resolve("verdict").resolve(Gate.VERDICT_JSON);
    }

    @Test
    @DisplayName("an untouched run verifies (exit 0), though the gate's own results were added to the kept results after judging")
    void shouldVerifyAnUntouchedRun() throws Exception {
        assertThat(Files.list(runDir.resolve("allure-results")).filter(f -> f.toString().endsWith("-result.json")).count())
                .as("the kept results hold the gate's Go/No-Go results too").isGreaterThan(2);

        assertThat(verify()).as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("verified: " + verdict).contains("GO — awaiting sign-off", "sha256:");
    }

    @Test
    @DisplayName("one measurement line edited: verification fails (exit 3) naming that file, and the recomputed row that moved")
    void shouldNameAnEditedMeasurementFile() throws Exception {
        Path measurements = runDir.resolve("measurements.jsonl");
        List<String> lines = Files.readAllLines(measurements);
        Files.write(measurements, lines.stream().map(l -> l.contains("\"error-rate\"") ? l.replace("\"events\":100", "\"events\":1900") : l).toList());

        assertThat(verify()).isEqualTo(VerdictCheck.CHANGED_EXIT);
        assertThat(err.toString()).contains("changed: " + VerdictCheck.display(measurements) + " (measurements)",
                "criterion error-rate: recomputed status differs", "recomputed decision differs");
    }

    @Test
    @DisplayName("a deleted attachment, an added test result and a changed sign-off file are each named")
    void shouldNameMissingAddedAndSignOffChanges() throws Exception {
        Path kept = runDir.resolve("allure-results");
        Path attachment = Files.list(kept).filter(f -> f.getFileName().toString().contains("-attachment")).filter(this::isAcceptanceAttachment)
                .findFirst().orElseThrow();
        Files.delete(attachment);
        new AllureTestFiles(kept).write("shouldAppearLater", Status.FAILED, "Smoke", "error-rate");
        Files.writeString(tmp.resolve("suites").resolve("signoff.yaml"), "# reviewed\n", java.nio.file.StandardOpenOption.APPEND);

        assertThat(verify()).isEqualTo(VerdictCheck.CHANGED_EXIT);
        assertThat(err.toString()).contains("missing: " + VerdictCheck.display(attachment) + " (attachment)", "(allure-result)",
                "added: ", "changed: sign-off file");
    }

    @Test
    @DisplayName("an edited verdict.json fails on its own hash and on the recomputed decision; its timestamp is no difference")
    void shouldCatchAnEditedVerdict() throws Exception {
        String json = Files.readString(verdict);
        Files.writeString(verdict, json.replaceFirst("\"generatedAt\" : \"[^\"]+\"", "\"generatedAt\" : \"2030-01-01T00:00:00Z\""));
        VerdictCheck.Result moved = VerdictCheck.verify(verdict);
        Files.writeString(verdict, json.replace("\"headline\" : \"GO — awaiting sign-off\"", "\"headline\" : \"GO\""));

        assertThat(moved.problems()).as("only the self-hash speaks against a moved timestamp").singleElement().asString()
                .contains("itself was edited");
        assertThat(verify()).isEqualTo(VerdictCheck.CHANGED_EXIT);
        assertThat(err.toString()).contains("itself was edited", "recomputed headline differs: recorded \"GO\", now \"GO — awaiting sign-off\"");
    }

    @Test
    @DisplayName("no verdict, or one without a fingerprint, is bad input (exit 2) in one message")
    void shouldRejectAMissingVerdict() throws Exception {
        Path old = Files.writeString(tmp.resolve("old.json"), "{\"decision\": \"GO\"}");

        assertThat(run("--verify", tmp.resolve("nowhere.json").toString())).isEqualTo(2);
        assertThat(run("--verify", old.toString())).isEqualTo(2);
        assertThat(err.toString().lines()).containsExactly(
                "gate: no verdict at " + tmp.resolve("nowhere.json") + ": run the gate first (mvn -Pacceptance verify, or greenlight gate)",
                "gate: " + old + ": no evidence fingerprint (key 'evidence.fingerprint'); it was written by a gate without fingerprints, "
                        + "or is not a verdict.json: run the gate again");
    }

    private boolean isAcceptanceAttachment(Path file) {
        try {
            return java.util.Arrays.equals(Files.readAllBytes(file), "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private int verify() {
        return run("--verify", verdict.toString());
    }

    private int run(String... args) {
        CommandLine command = new CommandLine(new GateCommand(Clock.fixed(T0.plus(DAY.multipliedBy(3)), ZoneOffset.UTC)));
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }
}
