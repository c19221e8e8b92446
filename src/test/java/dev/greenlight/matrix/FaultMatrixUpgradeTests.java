package dev.greenlight.matrix;

import org.junit.jupiter.api.DisplayName;

import java.util.List;

/** The fault matrix's preflight and probe rows: each fault of the upgrade branch or of what Prisma 7 changes, named. */
@DisplayName("Fault matrix, upgrade: the preflight's faults in the repository, and the probes' in the sample app")
class FaultMatrixUpgradeTests extends FaultMatrixRows {

    @Override
    List<Row> rows() {
        return Rows.UPGRADE;
    }
}
