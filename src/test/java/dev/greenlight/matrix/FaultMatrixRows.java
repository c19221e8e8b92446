package dev.greenlight.matrix;

import dev.greenlight.testkit.MainJob;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One part of the fault matrix: its rows, each through the whole main job against the sample app, verdict and deciding
 * criterion checked, on a PostgreSQL server of its own. The matrix is split into parts so Surefire's forks run them side
 * by side (the soak's baseline runs beside each candidate, so neighbours on the machine hit both alike); each part
 * writes its table to {@code target/fault-matrix-<part>.md}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class FaultMatrixRows {

    protected FaultMatrix matrix;

    /** This part's rows, in the order they run. */
    abstract List<Row> rows();

    @BeforeAll
    void shareOneServer() throws IOException {
        matrix = FaultMatrix.start(Files.createTempDirectory("greenlight-matrix-"));
    }

    @AfterAll
    void writeTheTableAndStop() throws IOException {
        if (matrix != null) {
            Path table = Path.of("target", "fault-matrix-" + getClass().getSimpleName().replace("Tests", "").toLowerCase() + ".md");
            Files.createDirectories(table.getParent());
            Files.writeString(table, MatrixTable.render(matrix.results()));
            System.out.println(Files.readString(table));
            matrix.close();
        }
    }

    @Order(1)
    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    @DisplayName("Each row gets its expected verdict, decided by the expected criterion")
    void shouldGiveEachRowItsVerdict(Row row) {
        MainJob.Result result = matrix.run(row);

        assertThat(row.problems(result.verdict()))
                .as("row '%s' (faults '%s', suites %s, settings %s): %s%nreasons: %s%ntests:%s", row.name(), row.faults(),
                        row.groups() == null ? "all" : row.groups(), row.settings(), result.verdict().headline(), result.verdict().reasons(),
                        result.outcomes().summary())
                .isEmpty();
    }
}
