package dev.greenlight.matrix;

import dev.greenlight.gate.EvidenceFingerprint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The sign-off sheet a row is judged with: the project's own (every role still to sign), every role signed GO on the
 * evidence judged, one reviewer with concerns, or every role signed GO but two of them on an earlier run's evidence
 * (stale). Written into a copy of {@code suites/} so the project's files stay untouched.
 */
enum SignOffSheet {
    PENDING(null, List.of()),
    ALL_GO("GO", List.of()),
    ONE_CONCERN("CONCERNS", List.of()),
    STALE_GO("GO", List.of("QA Lead", "Database Admin"));

    /** The fingerprint of an earlier run of the healthy app: any evidence but the one judged. */
    static final String EARLIER_RUN = EvidenceFingerprint.PREFIX
            + EvidenceFingerprint.sha256("an earlier run of the healthy row".getBytes(StandardCharsets.UTF_8));

    private static final String[] ROLES = {"Tech Lead", "DevOps", "QA Lead", "Database Admin", "Product Manager"};

    private final String databaseAdminDecision;
    private final List<String> signedForEarlierRun;

    SignOffSheet(String databaseAdminDecision, List<String> signedForEarlierRun) {
        this.databaseAdminDecision = databaseAdminDecision;
        this.signedForEarlierRun = signedForEarlierRun;
    }

    /** The roles whose sign-off this sheet binds to an earlier run's evidence. */
    List<String> staleRoles() {
        return signedForEarlierRun;
    }

    /** A suites directory with the project's criteria and this sheet, its decisions bound to {@code fingerprint}. */
    Path suitesIn(Path dir, Path projectSuites, String fingerprint) {
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
                        .append(decision.equals("GO") ? "\"\"" : "\"replication lag under load not explained yet\"")
                        .append("\n    evidence: \"").append(signedForEarlierRun.contains(role) ? EARLIER_RUN : fingerprint).append("\"\n");
            }
            Files.writeString(dir.resolve("signoff.yaml"), sheet.toString());
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
