package dev.greenlight.migration;

import org.apache.commons.io.file.PathUtils;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The sample app's migrations plus the one its {@code migration=fail} fault deploys, as the candidate's
 * {@code prisma/migrations} would hold it: a self-test fixture that reads the sample's files by path only.
 */
final class FaultMigrations {

    private static final Path FAILING = Path.of("src/main/resources/dev/greenlight/sample/faults/migrations/20241127120000_add_user_handle");

    private FaultMigrations() {
    }

    static void copyWithFailingMigration(Path into) throws IOException {
        PathUtils.copyDirectory(MigrationSuiteSelfTests.SAMPLE_MIGRATIONS, into);
        PathUtils.copyDirectory(FAILING, into.resolve(FAILING.getFileName()));
    }
}
