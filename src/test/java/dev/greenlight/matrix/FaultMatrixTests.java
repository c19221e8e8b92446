package dev.greenlight.matrix;

import dev.greenlight.gate.Decision;
import dev.greenlight.gate.Gate;
import dev.greenlight.gate.Verdict;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fault matrix's suite rows: the healthy main job, the sign-off rows that re-judge it, the faults the suites see
 * (broken publishing, corruption, a failed migration, a broken baseline, the database down) and the harness's own
 * trouble (no browser, an unreachable Grid, browser journeys out of scope); then the rows' evidence merged. The soak
 * rows are in {@link FaultMatrixLoadTests} and {@link FaultMatrixErrorTests}, run beside this one.
 */
@DisplayName("Fault matrix, suites: the main job against the sample app, clean and broken, every decision checked")
class FaultMatrixTests extends FaultMatrixRows {

    @Override
    List<Row> rows() {
        return Rows.SUITES;
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
        // counts add up across runs, so every count past its rollback line in one row stays past it merged; what did run
        // still counts beside the checks other rows could not run
        assertThat(merged.deciding()).as("count criteria past their rollback line in one row stay past it merged")
                .contains("critical-features", "data-integrity", "db-connection");
    }
}
