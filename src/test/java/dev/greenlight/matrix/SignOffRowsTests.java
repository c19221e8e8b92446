package dev.greenlight.matrix;

import dev.greenlight.config.GateConfig;
import dev.greenlight.gate.AllureTestFiles;
import dev.greenlight.gate.EvidenceFiles;
import dev.greenlight.gate.Gate;
import dev.greenlight.gate.GateFixtures;
import dev.greenlight.gate.HealthyEvidence;
import dev.greenlight.gate.Verdict;
import dev.greenlight.gate.VerdictCheck;
import io.qameta.allure.model.Status;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fault matrix's gate-only rows on a healthy run made here (the matrix itself runs them on its real healthy
 * row): each gets its verdict, and each row's directory verifies with {@code gate --verify}.
 */
@DisplayName("Fault-matrix sign-off rows: the healthy evidence judged with each row's sheet")
class SignOffRowsTests {

    static final List<Row> SIGN_OFF_ROWS = Rows.SUITES.stream().filter(row -> row.faults() == null).toList();
    private static final Path SUITES = Path.of("suites");

    @TempDir
    Path tmp;

    private Path healthyRun;

    @BeforeEach
    void healthyRow() {
        healthyRun = EvidenceFiles.finishedRun(tmp.resolve("healthy").resolve("reports").resolve("evidence"), "matrix-healthy-1",
                GateFixtures.T0.plus(GateFixtures.DAY), HealthyEvidence.measurements());
        AllureTestFiles allure = new AllureTestFiles(healthyRun.resolve("allure-results"));
        for (int i = 0; i < 12; i++) {
            allure.write("shouldAnswerEndpoint" + i, Status.PASSED, "Smoke", "error-rate");
        }
        allure.write("shouldSignUpAndPublish", Status.PASSED, "Critical path", "critical-features");
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("SIGN_OFF_ROWS")
    @DisplayName("each gate-only row gets its verdict, and its directory verifies")
    void shouldGiveEachSignOffRowItsVerdict(Row row) {
        Path rowDir = tmp.resolve(Rows.slug(row));

        Verdict verdict = SignOffRow.judge(row, healthyRun, rowDir, SUITES, new GateConfig(null));

        assertThat(row.problems(verdict)).as("%s: %s %s", row.name(), verdict.headline(), verdict.reasons()).isEmpty();
        VerdictCheck.Result check = VerdictCheck.verify(rowDir.resolve("reports").resolve("verdict").resolve(Gate.VERDICT_JSON));
        assertThat(check.problems()).as("gate --verify on the row's directory").isEmpty();
    }

    @Test
    @DisplayName("the stale row's expectation rejects a verdict where every sign-off counts, and one that names no stale role")
    void shouldRejectAVerdictWithoutTheStaleRoles() {
        Row stale = Rows.SUITES.stream().filter(row -> row.signOff() == SignOffSheet.STALE_GO).findFirst().orElseThrow();
        Row allGo = Rows.SUITES.stream().filter(row -> row.signOff() == SignOffSheet.ALL_GO).findFirst().orElseThrow();
        Row pending = new Row("every role pending", null, null, SignOffSheet.PENDING, Expected.goAwaitingSignOff(), null);

        Verdict everyoneCurrent = SignOffRow.judge(allGo, healthyRun, tmp.resolve("all-go"), SUITES, new GateConfig(null));
        Verdict nobodySigned = SignOffRow.judge(pending, healthyRun, tmp.resolve("pending"), SUITES, new GateConfig(null));

        assertThat(everyoneCurrent.headline()).isEqualTo("GO");
        assertThat(stale.problems(everyoneCurrent)).singleElement().asString()
                .isEqualTo("verdict GO, expected GO — awaiting sign-off, stale: QA Lead, Database Admin");
        assertThat(nobodySigned.headline()).isEqualTo("GO — awaiting sign-off");
        assertThat(stale.problems(nobodySigned)).as("awaiting, but nobody's sign-off is stale").isNotEmpty();
    }
}
