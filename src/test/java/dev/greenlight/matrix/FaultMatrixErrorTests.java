package dev.greenlight.matrix;

import dev.greenlight.gate.Gate;
import dev.greenlight.gate.Verdict;
import dev.greenlight.testkit.MainJob;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The fault matrix's error-rate rows (and the leak), and the proof that a loosened criterion makes the check fail. */
@DisplayName("Fault matrix, errors: 1.5 %, 3 %, 6 % and a leak under the soak, each judged by its criterion")
class FaultMatrixErrorTests extends FaultMatrixRows {

    @Override
    List<Row> rows() {
        return Rows.ERRORS;
    }

    @Test
    @Order(2)
    @DisplayName("A row judged with a loosened criterion gives the wrong verdict, and the matrix says so")
    void shouldCatchARowThatGetsTheWrongVerdict() throws IOException {
        Row errors = Rows.ERRORS.stream().filter(row -> "errors=3%".equals(row.faults())).findFirst().orElseThrow();
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
