package dev.greenlight.migration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The sample app's migrations plus the one its {@code migration=fail} fault deploys, as the candidate's
 * {@code prisma/migrations} would hold it: a self-test fixture that reads the sample's files by path only.
 */
final class FaultMigrations {

    private static final Path FAILING = Path.of("src/main/resources/dev/greenlight/sample/faults/migrations/20241127120000_add_user_handle");

    private FaultMigrations() {
    }

    static void copyWithFailingMigration(Path into) throws IOException {
        copyTree(MigrationSuiteSelfTests.SAMPLE_MIGRATIONS, into);
        copyTree(FAILING, into.resolve(FAILING.getFileName()));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
