package dev.greenlight.preflight;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.greenlight.config.Masker;
import dev.greenlight.config.PreflightConfig;
import dev.greenlight.config.TargetConfig;
import dev.greenlight.run.NotRun;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The checkout the preflight reads: {@code preflight.repo}, or the scratch repository made from
 * {@code preflight.scratch.from} for a target without one. Its files are read as they are on disk, git through
 * {@link Git}.
 *
 * @param project   the project directory (where package.json is), absolute
 * @param preflight the checklist's settings
 * @param candidate the Prisma version the packages must be pinned at
 * @param masker    masks secrets in command output
 */
public record ApplicationRepository(Path project, PreflightConfig preflight, String candidate, Masker masker) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The repository {@code target} names; a scratch one is made under {@code scratchDir}. Without either the checks are out
     * of scope for the target, which the verdict states.
     */
    public static ApplicationRepository locate(TargetConfig target, Path scratchDir, Masker masker, String declaredIn) {
        PreflightConfig preflight = target.preflight();
        String candidate = preflight.candidate() != null ? preflight.candidate() : target.app().version().expected();
        Path project;
        if (preflight.repo() != null) {
            project = Path.of(preflight.repo());
        } else if (preflight.scratch().configured()) {
            project = ScratchRepository.create(preflight, scratchDir, masker);
        } else {
            throw NotRun.outOfScope("the application's repository (branch, build, pinned versions)", "preflight.repo is not set in " + declaredIn);
        }
        project = project.toAbsolutePath().normalize();
        if (!Files.isDirectory(project)) {
            throw NotRun.because("preflight.repo " + project + " is not a directory on this machine",
                    "point preflight.repo at a checkout of the application (the directory with package.json)");
        }
        return new ApplicationRepository(project, preflight, candidate, masker);
    }

    /** Git on this checkout, each call bounded by a minute. */
    public Git git() {
        return new Git(project, masker, Duration.ofMinutes(1));
    }

    /** The project's package.json; its absence means preflight.repo points elsewhere. */
    public JsonNode packageJson() {
        return json("package.json").orElseThrow(() -> NotRun.because("there is no package.json in " + project,
                "point preflight.repo at the application's project directory (the one with package.json)"));
    }

    /** The lockfile, if there is one. */
    public Optional<JsonNode> lockfile() {
        return json("package-lock.json");
    }

    /** A file of the project as text, if it exists. */
    public Optional<String> read(String relative) {
        Path file = project.resolve(relative);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public boolean exists(String relative) {
        return Files.exists(project.resolve(relative));
    }

    private Optional<JsonNode> json(String relative) {
        return read(relative).map(text -> {
            try {
                return JSON.readTree(text);
            } catch (IOException e) {
                throw new IllegalStateException(project.resolve(relative) + " is not valid JSON: " + e.getMessage(), e);
            }
        });
    }
}
