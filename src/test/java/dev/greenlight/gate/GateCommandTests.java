package dev.greenlight.gate;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;

import static dev.greenlight.gate.GateFixtures.DAY;
import static dev.greenlight.gate.GateFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("gate command: the verdict as the last lines, and as the exit code")
class GateCommandTests {

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    @DisplayName("healthy evidence without sign-off exits 10 and ends with the verdict")
    void shouldExitTenOnGoAwaitingSignOff() throws Exception {
        EvidenceFiles.finishedRun(tmp.resolve("evidence"), "run-1", T0.plus(DAY), HealthyEvidence.measurements());
        Path allure = tmp.resolve("allure-results");
        AllureTestFiles files = new AllureTestFiles(allure);
        for (int i = 0; i < 10; i++) {
            files.write("shouldPass" + i, io.qameta.allure.model.Status.PASSED, "Critical path", "critical-features");
        }

        int exit = run("--evidence", tmp.resolve("evidence").toString(), "--allure-results", allure.toString(),
                "--signoff", "suites/signoff.yaml", "--out", tmp.resolve("verdict").toString(), "--allure-out", allure.toString());

        assertThat(exit).as(err.toString()).isEqualTo(10);
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).anySatisfy(l -> assertThat(l).isEqualTo("Go/No-Go verdict: GO — awaiting sign-off"));
        assertThat(lines.get(lines.size() - 1)).isEqualTo("  - awaiting sign-off from Tech Lead, DevOps, QA Lead, Database Admin, Product Manager");
        assertThat(tmp.resolve("verdict").resolve("verdict.md")).exists();
        assertThat(allure.resolve("categories.json")).exists();
    }

    @Test
    @DisplayName("HOLD exits 20 and names what is missing")
    void shouldExitTwentyOnHold() {
        EvidenceFiles.finishedRun(tmp.resolve("evidence"), "run-1", T0.plus(DAY), List.of(GateFixtures.rate(0, 10_000)));

        int exit = run("--evidence", tmp.resolve("evidence").toString(), "--allure-results", tmp.resolve("evidence").toString(),
                "--out", tmp.resolve("verdict").toString());

        assertThat(exit).isEqualTo(20);
        assertThat(out.toString()).contains("Go/No-Go verdict: HOLD", "  - latency-avg (Average response time) — no evidence");
    }

    @Test
    @DisplayName("ROLLBACK exits 40")
    void shouldExitFortyOnRollback() {
        EvidenceFiles.finishedRun(tmp.resolve("evidence"), "run-1", T0.plus(DAY), List.of(GateFixtures.rate(900, 10_000)));

        assertThat(run("--evidence", tmp.resolve("evidence").toString(), "--allure-results", tmp.resolve("evidence").toString(),
                "--out", tmp.resolve("verdict").toString())).isEqualTo(40);
    }

    @Test
    @DisplayName("bad input exits 2 with one message naming the file and key")
    void shouldExitTwoOnBadInput() throws Exception {
        Path criteria = Files.writeString(tmp.resolve("criteria.yaml"), "criteria:\n  - id: error-rate\n    title: x\n    priority: Urgent\n");
        Files.createDirectories(tmp.resolve("evidence"));

        int badCriteria = run("--evidence", tmp.resolve("evidence").toString(), "--criteria", criteria.toString(), "--out", tmp.toString());
        int missingDir = run("--evidence", tmp.resolve("nowhere").toString(), "--out", tmp.toString());
        int badDuration = run("--evidence", tmp.resolve("evidence").toString(), "--min-duration", "soon", "--out", tmp.toString());

        assertThat(badCriteria).isEqualTo(2);
        assertThat(missingDir).isEqualTo(2);
        assertThat(badDuration).isEqualTo(2);
        assertThat(err.toString().lines()).containsExactly(
                "gate: " + criteria + ": key 'criteria[0] (error-rate).priority': Critical, High or Medium, got 'Urgent'",
                "gate: evidence directory " + tmp.resolve("nowhere") + " does not exist",
                "gate: --min-duration: expected a duration like 500ms, 30s, 2m, 24h or 2d, got 'soon'");
    }

    @Test
    @DisplayName("--min-duration lowers the observation the criteria ask for, and the verdict says so")
    void shouldLowerTheMinimumDuration() throws Exception {
        EvidenceFiles.finishedRun(tmp.resolve("evidence"), "run-1", T0.plus(DAY), List.of(GateFixtures.rate(0, 10_000)));

        run("--evidence", tmp.resolve("evidence").toString(), "--allure-results", tmp.resolve("evidence").toString(),
                "--out", tmp.resolve("verdict").toString(), "--min-duration", "10m");

        assertThat(tmp.resolve("verdict").resolve("verdict.md")).content()
                .contains("Minimum observation lowered to **10m**", "over at least 10m (lowered from 24h)");
    }

    private int run(String... args) {
        CommandLine command = new CommandLine(new GateCommand(Clock.fixed(T0.plus(DAY), ZoneOffset.UTC)));
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }
}
