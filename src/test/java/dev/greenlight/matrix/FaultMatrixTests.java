package dev.greenlight.matrix;

import dev.greenlight.gate.Decision;
import dev.greenlight.gate.Gate;
import dev.greenlight.gate.Verdict;
import dev.greenlight.testkit.MainJob;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves the verdict: the whole main job against the sample app, clean and broken, one run per row, each verdict
 * and the criterion that decided it checked; then the rows' evidence merged, and a row judged with a loosened
 * criterion to show the check can fail. Writes the measured table to {@code target/fault-matrix.md}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("Fault matrix: the main job against the sample app, clean and broken, every decision checked")
class FaultMatrixTests {

    static final List<Row> ROWS = Rows.ALL;

    private static FaultMatrix matrix;

    @BeforeAll
    static void shareOneServer() throws IOException {
        matrix = FaultMatrix.start(Files.createTempDirectory("greenlight-matrix-"));
    }

    @AfterAll
    static void writeTheTableAndStop() throws IOException {
        if (matrix != null) {
            Path table = Path.of("target", "fault-matrix.md");
            Files.createDirectories(table.getParent());
            Files.writeString(table, MatrixTable.render(matrix.results()));
            System.out.println(Files.readString(table));
            matrix.close();
        }
    }

    @Order(1)
    @ParameterizedTest(name = "{0}")
    @FieldSource("ROWS")
    @DisplayName("Each row gets its expected verdict, decided by the expected criterion")
    void shouldGiveEachRowItsVerdict(Row row) {
        MainJob.Result result = matrix.run(row);

        assertThat(row.problems(result.verdict()))
                .as("row '%s' (faults '%s', suites %s): %s%nreasons: %s%ntests:%s", row.name(), row.faults(),
                        row.groups() == null ? "all" : row.groups(), result.verdict().headline(), result.verdict().reasons(),
                        result.outcomes().summary())
                .isEmpty();
    }

    @Test
    @Order(2)
    @DisplayName("The rows' evidence merged gives the worst verdict: ROLLBACK")
    void shouldGiveTheWorstVerdictForTheMergedEvidence() {
        List<Path> runs = matrix.runDirs();
        List<Path> allure = runs.stream().map(run -> run.resolve("allure-results")).toList();

        Verdict merged = new Gate(Clock.systemUTC()).run(new Gate.Request(runs, allure, Path.of("suites", "go-no-go.yaml"), null,
                matrix.work().resolve("merged").resolve("verdict"), null, matrix.gate().minDuration(), matrix.gate().lines()));

        assertThat(merged.decision()).as("verdict over %d runs: %s", runs.size(), merged.reasons()).isEqualTo(Decision.ROLLBACK);
        // counts add up across runs, so every count past its rollback line in one row stays past it merged; rates and
        // distributions pool their samples (the 6 % row's errors, pooled with the clean rows', fall under 5 %)
        assertThat(merged.deciding()).as("count criteria past their rollback line in one row stay past it merged")
                .contains("critical-features", "data-integrity", "db-connection");
    }

    @Test
    @Order(3)
    @DisplayName("A row judged with a loosened criterion gives the wrong verdict, and the matrix says so")
    void shouldCatchARowThatGetsTheWrongVerdict() throws IOException {
        Row errors = ROWS.stream().filter(row -> "errors=3%".equals(row.faults())).findFirst().orElseThrow();
        MainJob.Result ran = matrix.results().get(errors);
        Path scratch = matrix.work().resolve("loosened");
        Files.createDirectories(scratch);
        String criteria = Files.readString(Path.of("suites", "go-no-go.yaml"));
        Files.writeString(scratch.resolve("go-no-go.yaml"), criteria.replace("noGo: \"> 2%\"", "noGo: \"> 50%\""));

        Verdict loosened = new Gate(Clock.systemUTC()).run(new Gate.Request(List.of(ran.runDir()), List.of(ran.runDir().resolve("allure-results")),
                scratch.resolve("go-no-go.yaml"), null, scratch.resolve("verdict"), null, matrix.gate().minDuration(), matrix.gate().lines()));

        assertThat(criteria).as("the criteria file's error-rate NO-GO line, which the scratch copy loosens").contains("noGo: \"> 2%\"");
        assertThat(errors.problems(loosened)).as("what the matrix says of the 3 %% row judged with NO-GO at > 50 %%")
                .anySatisfy(problem -> assertThat(problem).contains("expected NO-GO"));
    }
}
