package dev.greenlight.migration;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.greenlight.config.RunSettings;
import dev.greenlight.config.TargetConfig;
import dev.greenlight.evidence.EvidenceJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The evidence taken before a deploy: the {@code pre-deploy} snapshot and, optionally, a rehearsal of the pending
 * migrations on a copy. Taken by the {@code snapshot} command before a staging deploy (into
 * {@code reports/evidence/snapshots/}) and automatically by the {@code local} target before it deploys the candidate
 * (into the run's own {@code reports/evidence/<runId>/snapshots/}). The suites find it with {@link #find}, which
 * refuses a snapshot that is stale or belongs to another target or database.
 */
public final class PreDeploySnapshot {

    /** The label of the snapshot taken before the deploy. */
    public static final String LABEL = "pre-deploy";

    private static final ObjectMapper JSON = EvidenceJson.mapper();

    private PreDeploySnapshot() {
    }

    /**
     * Takes the snapshot into {@code dir} and, with {@code rehearse}, rehearses the pending migrations on a scratch
     * copy. Returns what was done, one line each. Never writes to the application's database.
     */
    public static List<String> capture(MigrationTarget target, Path dir, String label, boolean rehearse, Clock clock) {
        return capture(target, dir, label, rehearse, clock, null);
    }

    /** {@link #capture}, hashing only the columns of {@code earlier} when it is given, so the two compare row by row. */
    public static List<String> capture(MigrationTarget target, Path dir, String label, boolean rehearse, Clock clock,
                                       Snapshot earlier) {
        List<String> done = new ArrayList<>();
        SnapshotRequest plain = target.snapshotRequest(label, dir);
        SnapshotRequest request = earlier == null ? plain : plain.comparedWith(earlier);
        Snapshot snapshot = target.database().read("taking the " + label + " snapshot",
                connection -> SnapshotTaker.take(connection, request, clock));
        SnapshotStore.save(snapshot, request.json());
        done.add("snapshot '" + label + "' of " + snapshot.tables().size() + " tables, " + snapshot.totalRows() + " rows: " + request.json());
        if (rehearse) {
            try (ScratchPostgres scratch = target.startScratch()) {
                MigrationRehearsal rehearsal = MigrationRehearsal.run(target.database(), target.schema(), target.folders(),
                        scratch, target.settings().copyTimeout());
                write(dir.resolve(label + ".rehearsal.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(rehearsal));
                write(dir.resolve(label + ".rehearsal.txt"), rehearsal.render());
                done.add("rehearsal of " + rehearsal.pending().size() + " pending migrations, " + rehearsal.failures().size()
                        + " failed: " + dir.resolve(label + ".rehearsal.txt"));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot save the rehearsal in " + dir, e);
            }
        }
        return done;
    }

    /**
     * Like {@link #capture} but never throws: a failure is written to {@code <label>.error.txt} for the suite to
     * report, so a broken pre-deploy step does not stop the deploy of the local target.
     */
    public static void captureOrRecord(MigrationTarget target, Path dir, boolean rehearse, Clock clock) {
        try {
            capture(target, dir, LABEL, rehearse, clock);
        } catch (RuntimeException e) {
            try {
                write(dir.resolve(LABEL + ".error.txt"), target.masker().mask(String.valueOf(e.getMessage())));
            } catch (IOException io) {
                e.addSuppressed(io);
            }
        }
    }

    /** Where a run keeps the snapshots it takes itself: {@code reports/evidence/<runId>/snapshots}. */
    public static Path runDirectory(Path runDir) {
        return runDir.resolve("snapshots");
    }

    /** Where the {@code snapshot} command leaves them for the next run: {@code reports/evidence/snapshots}. */
    public static Path sharedDirectory(Path evidenceDir) {
        return evidenceDir.resolve("snapshots");
    }

    /** Where the pre-deploy snapshot was found, and how old it is. */
    public record Found(Snapshot snapshot, Path file, Duration age) {
    }

    /** {@link #find(MigrationTarget, Path, Path, boolean, Instant)} for a run: its own directory, then the shared one. */
    public static Optional<Found> find(MigrationTarget target, RunSettings run, Instant now) {
        return find(target, runDirectory(run.runDir()), sharedDirectory(run.evidenceDir()),
                target.config().kind() == TargetConfig.Kind.LOCAL, now);
    }

    /**
     * The pre-deploy snapshot for this run: the run's own (taken by the local target) if there is one, else the one
     * the {@code snapshot} command left in {@code sharedDir}, provided it is of this target and database and not
     * older than {@code migrations.snapshotMaxAge}. Empty when there is none; an error taking it, or a stale or
     * foreign one, is an {@link IllegalStateException} whose message says what to do.
     */
    public static Optional<Found> find(MigrationTarget target, Path runDir, Path sharedDir, boolean localTarget, Instant now) {
        Path error = runDir.resolve(LABEL + ".error.txt");
        if (Files.isRegularFile(error)) {
            throw new IllegalStateException("the pre-deploy snapshot could not be taken before the deploy: " + read(error));
        }
        Path own = runDir.resolve(LABEL + ".json");
        if (Files.isRegularFile(own)) {
            Snapshot snapshot = SnapshotStore.load(own);
            return Optional.of(new Found(snapshot, own, Duration.between(snapshot.takenAt(), now)));
        }
        Path shared = sharedDir.resolve(LABEL + ".json");
        if (!Files.isRegularFile(shared)) {
            return Optional.empty();
        }
        if (localTarget) {
            throw new IllegalStateException(shared + " is from an earlier run: the local target's database is new every run,"
                    + " so its pre-deploy snapshot is taken automatically (set local.deploy.fromBaseline: true)");
        }
        Snapshot snapshot = SnapshotStore.load(shared);
        Duration age = Duration.between(snapshot.takenAt(), now);
        if (!target.config().name().equals(snapshot.target()) || !target.maskedUrl().equals(snapshot.database())) {
            throw new IllegalStateException(shared + " was taken on target '" + snapshot.target() + "' (" + snapshot.database()
                    + "), not on '" + target.config().name() + "' (" + target.maskedUrl() + "): take a new one with"
                    + " `greenlight snapshot --target " + target.config().name() + " --label pre-deploy` before the deploy");
        }
        if (age.compareTo(target.settings().snapshotMaxAge()) > 0) {
            throw new IllegalStateException(shared + " is stale: taken " + snapshot.takenAt() + ", " + age.toHours()
                    + " h ago, more than migrations.snapshotMaxAge (" + target.settings().snapshotMaxAge().toHours()
                    + " h); take a new one before the next deploy");
        }
        return Optional.of(new Found(snapshot, shared, age));
    }

    /** The rehearsal saved beside a pre-deploy snapshot, if one was taken. */
    public static Optional<MigrationRehearsal> rehearsal(Path snapshotFile) {
        Path file = snapshotFile.resolveSibling(LABEL + ".rehearsal.json");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), MigrationRehearsal.class));
        } catch (IOException e) {
            throw new UncheckedIOException("the saved rehearsal " + file + " is not readable", e);
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable " + file + ")";
        }
    }
}
