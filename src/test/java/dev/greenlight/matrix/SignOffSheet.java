package dev.greenlight.matrix;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The sign-off sheet a row is judged with: the project's own (every role still to sign), every role signed GO,
 * or one reviewer with concerns. Written into a copy of {@code suites/} so the project's files stay untouched.
 */
enum SignOffSheet {
    PENDING(null),
    ALL_GO("GO"),
    ONE_CONCERN("CONCERNS");

    private static final String[] ROLES = {"Tech Lead", "DevOps", "QA Lead", "Database Admin", "Product Manager"};

    private final String databaseAdminDecision;

    SignOffSheet(String databaseAdminDecision) {
        this.databaseAdminDecision = databaseAdminDecision;
    }

    /** A suites directory with the project's criteria and this sheet. */
    Path suitesIn(Path dir, Path projectSuites) {
        try {
            Files.createDirectories(dir);
            Files.copy(projectSuites.resolve("go-no-go.yaml"), dir.resolve("go-no-go.yaml"), StandardCopyOption.REPLACE_EXISTING);
            if (this == PENDING) {
                Files.copy(projectSuites.resolve("signoff.yaml"), dir.resolve("signoff.yaml"), StandardCopyOption.REPLACE_EXISTING);
                return dir;
            }
            StringBuilder sheet = new StringBuilder("release: fault matrix\nroles:\n");
            for (String role : ROLES) {
                String decision = role.equals("Database Admin") ? databaseAdminDecision : "GO";
                sheet.append("  - role: ").append(role).append("\n    name: Reviewer of ").append(role)
                        .append("\n    decision: ").append(decision).append("\n    date: \"2026-11-25\"\n    note: ")
                        .append(decision.equals("GO") ? "\"\"" : "\"replication lag under load not explained yet\"").append('\n');
            }
            Files.writeString(dir.resolve("signoff.yaml"), sheet.toString());
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
