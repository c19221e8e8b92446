package dev.greenlight.cli;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("greenlight command line: every command, its --help, its exit codes, and bad input as one message")
class GreenlightCommandsTests {

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    @DisplayName("greenlight --help lists the commands and the exit codes, and exits 0")
    void shouldListEveryCommandInTheHelp() {
        int exit = run("--help");

        assertThat(exit).as("exit code of --help").isZero();
        assertThat(out.toString()).as("greenlight --help")
                .contains("gate ", "snapshot ", "check-config ", "baseline ", "report ", "finish ", "signoff ")
                .contains("0 GO, 10 GO awaiting sign-off, 20 HOLD, 30 NO-GO, 40 ROLLBACK", "2 bad input");
    }

    @ParameterizedTest(name = "greenlight {0} --help")
    @ValueSource(strings = {"gate", "snapshot", "check-config", "baseline", "baseline save", "report", "finish"})
    @DisplayName("each command's --help shows its usage and its exit codes, and exits 0")
    void shouldShowEachCommandsHelp(String command) {
        int exit = run((command + " --help").split(" "));

        assertThat(exit).as("exit code of greenlight " + command + " --help").isZero();
        assertThat(out.toString()).as("greenlight " + command + " --help").startsWith("Usage: greenlight " + command);
        if (!command.equals("baseline")) {
            assertThat(out.toString()).as("greenlight " + command + " --help").contains("Exit codes:");
        }
        assertThat(err.toString()).as("stderr").isEmpty();
    }

    @Test
    @DisplayName("gate --help names the verdicts' exit codes")
    void shouldDocumentTheGateExitCodes() {
        run("gate", "--help");

        assertThat(out.toString()).as("greenlight gate --help").containsPattern("0\\s+GO").containsPattern("10\\s+GO, awaiting sign-off")
                .containsPattern("20\\s+HOLD").containsPattern("30\\s+NO-GO").containsPattern("40\\s+ROLLBACK").containsPattern("2\\s+bad input")
                .contains("[DIR...]");
    }

    @Test
    @DisplayName("an unknown command or option exits 2 with one line naming it and the help to read")
    void shouldRejectUnknownInputWithOneLine() {
        int unknownCommand = run("deploy");
        int unknownOption = run("gate", "--evidense", "x");
        int missingArgument = run("baseline", "save", "only-a-run");

        assertThat(unknownCommand).as("exit code of an unknown command").isEqualTo(2);
        assertThat(unknownOption).as("exit code of an unknown option").isEqualTo(2);
        assertThat(missingArgument).as("exit code of a missing argument").isEqualTo(2);
        assertThat(err.toString().lines()).as("stderr, one line each").containsExactly(
                "greenlight: Unmatched argument at index 0: 'deploy' (see 'greenlight --help')",
                "greenlight: Unknown option: '--evidense' (see 'greenlight gate --help')",
                "greenlight: Missing required parameter: 'NAME' (see 'greenlight baseline save --help')");
        assertThat(out.toString()).as("stdout").isEmpty();
    }

    @Test
    @DisplayName("check-config exits 0 for the shipped local target and 2 with one message for a target that does not exist")
    void shouldCheckATargetFile() {
        int local = run("check-config", "--target=local", "--quiet");
        int missing = run("check-config", "--target=nowhere");

        assertThat(local).as("exit code for suites/targets/local.yaml").isZero();
        assertThat(missing).as("exit code for a missing target file").isEqualTo(2);
        assertThat(err.toString().lines()).as("stderr").singleElement().asString()
                .startsWith("greenlight: ").contains("suites/targets/nowhere.yaml");
    }

    @Test
    @DisplayName("snapshot of a target without a database exits 2 and says what is missing")
    void shouldRefuseASnapshotWithoutADatabase() {
        int exit = run("snapshot", "--target=local", "--label", "pre-deploy", "--reports", tmp.toString());

        assertThat(exit).as("exit code").isEqualTo(2);
        assertThat(err.toString().lines()).as("stderr").singleElement().asString().contains("has no database.jdbcUrl");
    }

    @Test
    @DisplayName("report exits 2 with one message when there are no results, or a run directory holds none")
    void shouldRefuseAReportOfNothing() throws Exception {
        Files.createDirectories(tmp.resolve("run-1"));
        Files.createDirectories(tmp.resolve("ran").resolve("allure-results"));

        int nothing = run("report", "--reports", tmp.resolve("reports").toString());
        int emptyRun = run("report", "--reports", tmp.resolve("reports").toString(), tmp.resolve("run-1").toString());
        int badHome = run("report", "--reports", tmp.resolve("ran").toString(), "--allure-home", tmp.toString());

        assertThat(nothing).as("exit code without results").isEqualTo(2);
        assertThat(emptyRun).as("exit code for a run without allure-results").isEqualTo(2);
        assertThat(badHome).as("exit code for a directory that is no Allure command line").isEqualTo(2);
        assertThat(err.toString().lines()).as("stderr, one line each").hasSize(3)
                .anySatisfy(l -> assertThat(l).contains("no Allure results at " + tmp.resolve("reports").resolve("allure-results")))
                .anySatisfy(l -> assertThat(l).contains("no allure-results/ in or directly under " + tmp.resolve("run-1")))
                .anySatisfy(l -> assertThat(l).contains("--allure-home " + tmp + ": no Allure command line there"));
    }

    private int run(String... args) {
        return Greenlight.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }
}
