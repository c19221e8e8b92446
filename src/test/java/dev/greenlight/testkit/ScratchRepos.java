package dev.greenlight.testkit;

import dev.greenlight.config.ConfigLoader;
import dev.greenlight.config.Masker;
import dev.greenlight.config.PreflightConfig;
import dev.greenlight.config.RunSettings;
import dev.greenlight.config.Settings;
import dev.greenlight.preflight.Git;
import dev.greenlight.preflight.ScratchRepository;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Scratch repositories of the real Prisma 7 example app, as {@code suites/targets/local.yaml} describes them, healthy or
 * with one of the preflight's faults: {@code unpinned} (a caret range for prisma in package.json, committed and pushed),
 * {@code dirty} (an edit and a new file not committed), {@code build} (the schema keeps Prisma 6's datasource url, which
 * Prisma 7 rejects: build and validate fail, committed and pushed). Self-test code only.
 */
public final class ScratchRepos {

    /** The fault names {@link #create} knows, for {@code repo=<fault>} in a fault-matrix row. */
    public static final List<String> FAULTS = List.of("unpinned", "dirty", "build");

    private ScratchRepos() {
    }

    /** The local target's preflight settings. */
    public static PreflightConfig localPreflight() {
        Settings settings = Settings.of(Map.of("greenlight.target", "local"), Map.of());
        return new ConfigLoader().load(RunSettings.resolve(settings, Clock.systemUTC()), settings).config().preflight();
    }

    /** A scratch repository under {@code dir} with {@code fault} ({@code ""} for none); returns its project directory. */
    public static Path create(String fault, Path dir) {
        Path project = ScratchRepository.create(localPreflight(), dir, Masker.of(List.of()));
        Git git = new Git(project, Masker.of(List.of()), Duration.ofMinutes(1));
        switch (fault) {
            case "" -> { }
            case "unpinned" -> {
                edit(project.resolve("package.json"), "\"prisma\": \"7.0.1\"", "\"prisma\": \"^7.0.1\"");
                commitAndPush(git, "Let prisma float to the newest 7.x");
            }
            case "dirty" -> {
                edit(project.resolve("prisma.config.ts"), "export default", "// TODO: move the URL back?\nexport default");
                write(project.resolve("notes.txt"), "not committed\n");
            }
            case "build" -> {
                edit(project.resolve("prisma/schema.prisma"), "provider = \"postgresql\"", "provider = \"postgresql\"\n  url      = env(\"DATABASE_URL\")");
                commitAndPush(git, "Keep the datasource url in the schema, as Prisma 6 had it");
            }
            default -> throw new IllegalArgumentException("unknown repository fault '" + fault + "'; known: " + FAULTS);
        }
        return project;
    }

    private static void commitAndPush(Git git, String message) {
        git.output("-c", "user.name=Greenlight", "-c", "user.email=greenlight@localhost", "commit", "--quiet", "-am", message);
        git.output("push", "--quiet");
    }

    private static void edit(Path file, String from, String to) {
        try {
            String text = Files.readString(file);
            if (!text.contains(from)) {
                throw new IllegalStateException(file + " no longer contains '" + from + "': update ScratchRepos");
            }
            Files.writeString(file, text.replace(from, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
