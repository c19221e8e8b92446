package dev.greenlight.matrix;

import org.junit.jupiter.api.DisplayName;

import java.util.List;

/** The fault matrix's rows that only load shows: slower than the baseline beside it, pool exhaustion, slow queries. */
@DisplayName("Fault matrix, load: +30 % and +60 % against the baseline alongside, pool exhaustion, slow queries")
class FaultMatrixLoadTests extends FaultMatrixRows {

    @Override
    List<Row> rows() {
        return Rows.LOAD;
    }
}
