package dev.greenlight.preflight;

import dev.greenlight.config.Masker;
import dev.greenlight.config.PreflightConfig;
import dev.greenlight.config.RollbackConfig;
import dev.greenlight.rollback.StepResult;
import dev.greenlight.rollback.StepRunner;
import dev.greenlight.run.NotRun;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A git repository made for the preflight to check, for a target that has no checkout of its own (the embedded default,
 * the project's self-tests): {@code preflight.scratch.from} copied, committed on the preflight branch and pushed to a
 * bare repository beside it, so it is on the right branch, clean and pushed — until a test changes it. Installed
 * packages are linked, not copied; the setup commands that install them run under a lock shared by every process on the
 * machine, since two installs into one directory at once break each other.
 */
public final class ScratchRepository {

    private static final Object IN_THIS_JVM = new Object();

    private ScratchRepository() {
    }

    /**
     * Builds the repository under {@code dir} (its work tree {@code dir/repo}, the remote {@code dir/remote.git}) and returns
     * the project directory inside it.
     */
    public static Path create(PreflightConfig preflight, Path dir, Masker masker) {
        PreflightConfig.Scratch scratch = preflight.scratch();
        Path from = Path.of(scratch.from()).toAbsolutePath().normalize();
        if (!Files.isDirectory(from)) {
            throw new dev.greenlight.config.ConfigException("preflight.scratch.from: " + from + " is not a directory");
        }
        setUp(scratch, from, masker, preflight.commandTimeout());
        Path repo = dir.resolve("repo").toAbsolutePath();
        Path remote = dir.resolve("remote.git").toAbsolutePath();
        copy(from, repo, scratch);
        Git git = new Git(repo, masker, Duration.ofMinutes(1));
        String[][] commands = {
                {"init", "--quiet", "-b", preflight.branch()},
                {"add", "-A"},
                {"-c", "user.name=Greenlight", "-c", "user.email=greenlight@localhost", "-c", "commit.gpgsign=false",
                        "commit", "--quiet", "-m", "The application on " + preflight.branch() + " (a scratch copy of " + scratch.from() + ")"},
                {"init", "--quiet", "--bare", remote.toString()},
                {"remote", "add", "origin", remote.toString()},
                {"push", "--quiet", "-u", "origin", preflight.branch()}};
        for (String[] command : commands) {
            git.output(command);
        }
        return scratch.project().isBlank() ? repo : repo.resolve(scratch.project());
    }

    /** Runs the setup commands once at a time on this machine, whichever process asks. */
    private static void setUp(PreflightConfig.Scratch scratch, Path from, Masker masker, Duration timeout) {
        if (scratch.setup().isEmpty()) {
            return;
        }
        Path lock = Path.of(System.getProperty("java.io.tmpdir"), "greenlight-scratch-" + digest(from.toString()) + ".lock");
        synchronized (IN_THIS_JVM) {
            try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock held = channel.lock()) {
                StepRunner runner = new StepRunner(masker, timeout, Map.of());
                for (PreflightConfig.Command command : scratch.setup()) {
                    StepResult result = runner.run(new RollbackConfig.Step(command.name(), command.command(), command.timeout(), null),
                            command.env());
                    if (!result.ok()) {
                        throw NotRun.because("the scratch repository's setup '" + command.name() + "' did not succeed: " + result.summary()
                                        + tail(result.output()),
                                "run it by hand in the project directory: " + String.join(" ", command.command()));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot lock " + lock + " for the scratch repository's setup", e);
            }
        }
    }

    private static void copy(Path from, Path to, PreflightConfig.Scratch scratch) {
        List<PathMatcher> ignored = scratch.ignore().stream().map(glob -> FileSystems.getDefault().getPathMatcher("glob:" + glob)).toList();
        List<Path> links = scratch.link().stream().map(from::resolve).map(Path::normalize).toList();
        try {
            Files.walkFileTree(from, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                    if (!dir.equals(from) && (skipped(dir) || links.contains(dir))) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    if (!skipped(file) && !links.contains(file)) {
                        Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                    }
                    return FileVisitResult.CONTINUE;
                }

                private boolean skipped(Path path) {
                    return ignored.stream().anyMatch(matcher -> matcher.matches(path.getFileName()));
                }
            });
            for (Path link : links) {
                if (Files.exists(link)) {
                    Path at = to.resolve(from.relativize(link).toString());
                    Files.createDirectories(at.getParent());
                    Files.createSymbolicLink(at, link);
                }
            }
            if (!scratch.ignore().isEmpty()) {
                Files.writeString(to.resolve(".gitignore"), String.join("\n", scratch.ignore()) + "\n", StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from + " into the scratch repository " + to, e);
        }
    }

    private static String tail(String output) {
        String text = output.strip();
        return text.isEmpty() ? "" : "; last output: " + text.substring(Math.max(0, text.length() - 600));
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
