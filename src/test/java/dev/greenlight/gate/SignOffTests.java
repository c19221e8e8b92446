package dev.greenlight.gate;

import dev.greenlight.config.ConfigException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Sign-off: every required role GO → GO; any concern → NO-GO; missing → awaiting")
class SignOffTests {

    @TempDir
    Path dir;

    @Test
    @DisplayName("the shipped sign-off file lists the seed's five roles, all pending")
    void shouldShipTheFiveRolesPending() {
        SignOff shipped = SignOffFile.load(Path.of("suites", "signoff.yaml"));

        assertThat(shipped.roles()).extracting(SignOff.Entry::role)
                .containsExactly("Tech Lead", "DevOps", "QA Lead", "Database Admin", "Product Manager");
        assertThat(shipped.awaiting()).hasSize(5);
        assertThat(VerdictRules.signOff(GateFixtures.seed("sign-off"), shipped).status()).isEqualTo(CriterionStatus.AWAITING);
    }

    @Test
    @DisplayName("all five GO is met; a missing role is awaiting; CONCERNS is NO-GO with the note")
    void shouldJudgeTheRolesDecisions() throws Exception {
        SignOff signed = SignOffFile.load(write(sheet("GO", "GO")));
        SignOff missing = SignOffFile.load(write(sheet("GO", "")));
        SignOff concerned = SignOffFile.load(write(sheet("CONCERNS", "")));

        assertThat(VerdictRules.signOff(GateFixtures.seed("sign-off"), signed).status()).isEqualTo(CriterionStatus.MET);
        CriterionResult awaiting = VerdictRules.signOff(GateFixtures.seed("sign-off"), missing);
        assertThat(awaiting.status()).isEqualTo(CriterionStatus.AWAITING);
        assertThat(awaiting.reason()).isEqualTo("no objection; awaiting Product Manager");
        CriterionResult concern = VerdictRules.signOff(GateFixtures.seed("sign-off"), concerned);
        assertThat(concern.status()).isEqualTo(CriterionStatus.NO_GO);
        assertThat(concern.reason()).isEqualTo("CONCERNS from Database Admin (Dana DBA): pool waits under peak");
        assertThat(signed.roles().get(0).date()).isEqualTo(LocalDate.of(2024, 11, 29));
    }

    @Test
    @DisplayName("a role marked not required does not hold GO back")
    void shouldNotWaitForOptionalRoles() throws Exception {
        SignOff optional = SignOffFile.load(write(sheet("GO", "").replace("role: Product Manager", "role: Product Manager\n    required: false")));

        assertThat(VerdictRules.signOff(GateFixtures.seed("sign-off"), optional).status()).isEqualTo(CriterionStatus.MET);
    }

    @Test
    @DisplayName("held against this evidence: a GO for other evidence or for none is stale and not counted; a stale CONCERNS still objects")
    void shouldNotCountStaleSignOffs() throws Exception {
        String now = "sha256:" + "a".repeat(64);
        String earlier = "sha256:" + "b".repeat(64);
        String bound = sheet("GO", "GO").replace("    note:", "    evidence: \"" + now + "\"\n    note:");
        SignOff current = SignOffFile.load(write(bound)).heldAgainst(now);
        SignOff oneEarlier = SignOffFile.load(write(bound.replaceFirst(now, earlier))).heldAgainst(now);
        SignOff unbound = SignOffFile.load(write(sheet("GO", "GO"))).heldAgainst(now);
        SignOff staleConcern = SignOffFile.load(write(bound.replace("\"GO\"\n    date: 2024-11-29\n    evidence: \"" + now + "\"\n    note: pool",
                "\"CONCERNS\"\n    date: 2024-11-29\n    evidence: \"" + earlier + "\"\n    note: pool"))).heldAgainst(now);

        assertThat(VerdictRules.signOff(GateFixtures.seed("sign-off"), current).status()).isEqualTo(CriterionStatus.MET);
        CriterionResult stale = VerdictRules.signOff(GateFixtures.seed("sign-off"), oneEarlier);
        assertThat(stale.status()).isEqualTo(CriterionStatus.AWAITING);
        assertThat(stale.reason()).isEqualTo("no objection; awaiting Tech Lead (stale: GO given for sha256:bbbbbbbbbbbb…, not this evidence)");
        assertThat(stale.measuredText()).isEqualTo("4 of 5 signed GO");
        assertThat(VerdictRules.signOff(GateFixtures.seed("sign-off"), unbound).measuredText()).as("no evidence: named").isEqualTo("0 of 5 signed GO");
        assertThat(unbound.staleness(unbound.roles().get(0))).isEqualTo("bound to no evidence (no evidence: fingerprint)");
        CriterionResult objection = VerdictRules.signOff(GateFixtures.seed("sign-off"), staleConcern);
        assertThat(objection.status()).isEqualTo(CriterionStatus.NO_GO);
        assertThat(objection.reason()).isEqualTo("CONCERNS from Database Admin (Dana DBA) [stale: given for sha256:bbbbbbbbbbbb…, not this "
                + "evidence; it stands until withdrawn]: pool waits under peak");
        assertThatThrownBy(() -> SignOffFile.load(write(bound.replace(now, "sha256:abc")))).hasMessageContaining("roles[0].evidence")
                .hasMessageContaining("sha256:<64 hex digits>");
    }

    @Test
    @DisplayName("mistakes name the file and the key")
    void shouldNameTheKeyOfAMistake() throws Exception {
        assertThatThrownBy(() -> SignOffFile.load(write(sheet("MAYBE", ""))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("roles[3].decision").hasMessageContaining("GO, CONCERNS or NO-GO");
        assertThatThrownBy(() -> SignOffFile.load(write(sheet("GO", "").replace("name: \"Dana DBA\"", "name: \"\""))))
                .hasMessageContaining("roles[3].name").hasMessageContaining("needs the name");
        assertThatThrownBy(() -> SignOffFile.load(write(sheet("GO", "") + "  - role: DevOps\n")))
                .hasMessageContaining("roles[5].role").hasMessageContaining("already listed at roles[1]");
        assertThatThrownBy(() -> SignOffFile.load(write(sheet("GO", "").replace("note: ok", "notes: ok"))))
                .hasMessageContaining("roles[0].notes").hasMessageContaining("unknown key");
        assertThatThrownBy(() -> SignOffFile.load(write(sheet("GO", "").replace("2024-11-29", "29/11/2024"))))
                .hasMessageContaining("roles[0].date");
    }

    /** A sheet where the DBA decides {@code dba} and the Product Manager {@code pm} (empty = pending); the rest GO. */
    private static String sheet(String dba, String pm) {
        return "release: Prisma 7\nroles:\n"
                + role("Tech Lead", "Tess Lead", "GO", "ok")
                + role("DevOps", "Dev Ops", "GO", "")
                + role("QA Lead", "Quinn QA", "GO", "")
                + role("Database Admin", "Dana DBA", dba, "pool waits under peak")
                + role("Product Manager", pm.isEmpty() ? "" : "Pat PM", pm, "");
    }

    private static String role(String role, String name, String decision, String note) {
        return "  - role: " + role + "\n    name: \"" + name + "\"\n    decision: \"" + decision + "\"\n    date: "
                + (decision.isEmpty() ? "\"\"" : "2024-11-29") + "\n    note: " + (note.isEmpty() ? "\"\"" : note) + "\n";
    }

    private Path write(String yaml) throws Exception {
        return Files.writeString(dir.resolve("signoff.yaml"), yaml);
    }
}
