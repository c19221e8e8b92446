package dev.greenlight.gate;

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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static dev.greenlight.gate.GateFixtures.DAY;
import static dev.greenlight.gate.GateFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("greenlight signoff: writes one role's entry bound to the verdict's evidence, and nothing else of the file")
class SignOffCommandTests {

    @TempDir
    Path tmp;

    private Path sheet;
    private Path verdict;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void judge() throws Exception {
        sheet = Files.copy(Path.of("suites", "signoff.yaml"), tmp.resolve("signoff.yaml"));
        EvidenceFiles.finishedRun(tmp.resolve("evidence"), "run-1", T0.plus(DAY), HealthyEvidence.measurements());
        new Gate(Clock.fixed(T0.plus(DAY), ZoneOffset.UTC)).run(new Gate.Request(List.of(tmp.resolve("evidence")), List.of(),
                GateFixtures.CRITERIA, sheet, tmp.resolve("verdict"), null, null));
        verdict = tmp.resolve("verdict").resolve(Gate.VERDICT_JSON);
    }

    @Test
    @DisplayName("the QA Lead's lines change, every comment and every other line stays, and the file reads back with the fingerprint")
    void shouldEditOnlyTheRolesLines() throws Exception {
        List<String> before = Files.readAllLines(sheet);

        assertThat(sign("QA Lead", "GO", "Quinn QA", "all suites green")).as(err.toString()).isZero();

        List<String> after = Files.readAllLines(sheet);
        assertThat(after).as("same number of lines: the existing keys were filled in").hasSameSizeAs(before);
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < before.size(); i++) {
            if (!before.get(i).equals(after.get(i))) {
                changed.add(after.get(i));
            }
        }
        String fingerprint = VerdictCheck.fingerprint(verdict);
        assertThat(changed).containsExactly("    name: \"Quinn QA\"", "    decision: \"GO\"", "    date: \"2024-11-28\"",
                "    note: \"all suites green\"", "    evidence: \"" + fingerprint + "\"");
        assertThat(after).filteredOn(l -> l.startsWith("#")).as("every comment").hasSizeGreaterThan(5)
                .isEqualTo(before.stream().filter(l -> l.startsWith("#")).toList());
        SignOff.Entry qa = SignOffFile.load(sheet).roles().get(2);
        assertThat(qa.role()).isEqualTo("QA Lead");
        assertThat(qa.decision()).isEqualTo(SignOff.Decision.GO);
        assertThat(qa.date()).isEqualTo(LocalDate.of(2024, 11, 28));
        assertThat(qa.evidence()).isEqualTo(fingerprint);
        assertThat(out.toString()).contains("signed: QA Lead — GO by Quinn QA on 2024-11-28, on evidence " + fingerprint);
    }

    @Test
    @DisplayName("judged again, the signed role counts; after the evidence changes, it is stale and awaited again")
    void shouldCountTheSignatureUntilTheEvidenceChanges() throws Exception {
        sign("QA Lead", "GO", "Quinn QA", "");

        Verdict signed = new Gate(Clock.systemUTC()).run(VerdictCheck.recordedRequest(verdict));
        Files.writeString(tmp.resolve("evidence").resolve("run-1").resolve("measurements.jsonl"), "\n", java.nio.file.StandardOpenOption.APPEND);
        Verdict later = new Gate(Clock.systemUTC()).run(VerdictCheck.recordedRequest(verdict));

        assertThat(signed.row("sign-off").orElseThrow().measuredText()).isEqualTo("1 of 5 signed GO");
        assertThat(later.row("sign-off").orElseThrow().measuredText()).as("an added line changes the evidence").isEqualTo("0 of 5 signed GO");
        assertThat(later.row("sign-off").orElseThrow().reason()).startsWith("no objection; awaiting Tech Lead, DevOps, QA Lead (stale: GO given for sha256:");
    }

    @Test
    @DisplayName("a missing key is added after the entry's last key; a comment after a value and a multi-line note are handled")
    void shouldAddMissingKeysAndKeepComments() throws Exception {
        Files.writeString(sheet, """
                # team sheet
                roles:
                  - role: DevOps   # on call
                    name: ""       # who signs
                    note: |
                      two lines
                      of note
                    # end of DevOps
                  - role: QA Lead
                """);

        assertThat(sign("devops", "CONCERNS", "Dev O'Ps", "pool \"waits\"")).as(err.toString()).isZero();

        assertThat(Files.readString(sheet)).isEqualTo("""
                # team sheet
                roles:
                  - role: DevOps   # on call
                    name: "Dev O'Ps"  # who signs
                    note: "pool \\"waits\\""
                    decision: "CONCERNS"
                    date: "2024-11-28"
                    evidence: "%s"
                    # end of DevOps
                  - role: QA Lead
                """.formatted(VerdictCheck.fingerprint(verdict)));
        assertThat(SignOffFile.load(sheet).roles().get(0).note()).isEqualTo("pool \"waits\"");
    }

    @Test
    @DisplayName("an unknown role or a bad decision is one message and exit code 2; the file is untouched")
    void shouldRejectBadInput() throws Exception {
        String before = Files.readString(sheet);

        assertThat(sign("QA", "GO", "Quinn", "")).isEqualTo(2);
        assertThat(sign("QA Lead", "MAYBE", "Quinn", "")).isEqualTo(2);

        assertThat(err.toString().lines()).containsExactly(
                "signoff: unknown role 'QA' in " + sheet + "; its roles: Tech Lead, DevOps, QA Lead, Database Admin, Product Manager",
                "signoff: --decision: GO, CONCERNS or NO-GO, got 'MAYBE'");
        assertThat(Files.readString(sheet)).isEqualTo(before);
        assertThat(dev.greenlight.cli.Greenlight.run("signoff", "--role", "QA Lead")).as("greenlight signoff, options missing").isEqualTo(2);
    }

    private int sign(String role, String decision, String name, String note) {
        CommandLine command = new CommandLine(new SignOffCommand(Clock.fixed(T0.plus(DAY), ZoneOffset.UTC)));
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute("--role", role, "--decision", decision, "--name", name, "--note", note, "--verdict", verdict.toString());
    }
}
