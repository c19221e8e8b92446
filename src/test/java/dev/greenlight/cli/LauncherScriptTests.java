package dev.greenlight.cli;

import dev.greenlight.testkit.Command;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * bin/greenlight in the test phase, before {@code package} has built target/greenlight.jar: the script runs a
 * manifest-only jar made here from this JVM's classpath (the real jar is tested after {@code package} by
 * {@link LauncherJarTests}). So the launcher's own logic — arguments and exit codes passed through, a missing or
 * stale jar — is tested in every build.
 */
@DisplayName("bin/greenlight: runs the jar with the arguments, passes its exit code on, and says how to build a missing jar")
class LauncherScriptTests {

    private static final Path LAUNCHER = Path.of("bin", "greenlight").toAbsolutePath();

    @TempDir
    Path tmp;

    private Path jar;

    @BeforeEach
    void manifestOnlyJar() throws IOException {
        assumeThat(Files.isExecutable(Path.of("/bin/sh"))).as("a POSIX shell at /bin/sh").isTrue();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, Greenlight.class.getName());
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, Stream.of(classPath.split(java.io.File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().toUri().toString()).collect(Collectors.joining(" ")));
        jar = tmp.resolve("greenlight.jar");
        try (OutputStream file = Files.newOutputStream(jar)) {
            new JarOutputStream(file, manifest).close(); // a manifest and nothing else: the classes come from its Class-Path
        }
    }

    @Test
    @DisplayName("--help exits 0 with the usage; a gate over a missing directory exits 2 with the gate's message")
    void shouldPassArgumentsAndExitCodesThrough() {
        // from the checkout, where suites/ is, as a user runs it
        Command.Result help = Command.run(Path.of(""), Map.of("GREENLIGHT_JAR", jar.toString()), Duration.ofMinutes(1),
                List.of(LAUNCHER.toString(), "--help"));
        Command.Result gate = Command.run(Path.of(""), Map.of("GREENLIGHT_JAR", jar.toString()), Duration.ofMinutes(1),
                List.of(LAUNCHER.toString(), "gate", tmp.resolve("no such dir").toString()));

        assertThat(help.exitCode()).as(help.output()).isZero();
        assertThat(help.stdout()).as("stdout of --help").startsWith("Usage: greenlight").contains("gate", "baseline");
        assertThat(gate.exitCode()).as(gate.output()).isEqualTo(2);
        assertThat(gate.stderr()).as("stderr of the gate").contains("evidence directory " + tmp.resolve("no such dir") + " does not exist");
    }

    @Test
    @DisplayName("a missing jar with GREENLIGHT_BUILD=never exits 2 naming the mvn package command; a missing GREENLIGHT_JAR exits 2")
    void shouldSayHowToBuildAMissingJar() throws IOException {
        Path home = copyOfLauncher();

        Command.Result missing = launch(home.resolve("bin/greenlight"), Map.of("GREENLIGHT_BUILD", "never"), "--help");
        Command.Result noJar = launch(LAUNCHER, Map.of("GREENLIGHT_JAR", tmp.resolve("none.jar").toString()), "--help");

        assertThat(missing.exitCode()).as(missing.output()).isEqualTo(2);
        assertThat(missing.stderr()).as("stderr").contains(home.resolve("target/greenlight.jar") + " does not exist",
                "build it with: (cd " + home + " && mvn -q -Dmaven.test.skip=true package)");
        assertThat(noJar.exitCode()).as(noJar.output()).isEqualTo(2);
        assertThat(noJar.stderr()).as("stderr").contains("GREENLIGHT_JAR=" + tmp.resolve("none.jar") + " does not exist");
    }

    @Test
    @DisplayName("a jar older than a source file is named stale; with GREENLIGHT_BUILD=never it still runs, with a warning")
    void shouldWarnOfAStaleJar() throws IOException {
        Path home = copyOfLauncher();
        Path target = Files.createDirectories(home.resolve("target"));
        Files.copy(jar, target.resolve("greenlight.jar"));
        Files.setLastModifiedTime(target.resolve("greenlight.jar"), FileTime.from(Instant.now().minus(Duration.ofHours(1))));
        Files.writeString(Files.createDirectories(home.resolve("src/main/java")).resolve("Changed.java"), "class Changed {}");

        Command.Result stale = launch(home.resolve("bin/greenlight"), Map.of("GREENLIGHT_BUILD", "never"), "--help");

        assertThat(stale.exitCode()).as(stale.output()).isZero();
        assertThat(stale.stderr()).as("stderr").contains("may be stale (src/main/java/Changed.java is newer than it)");
    }

    private Path copyOfLauncher() throws IOException {
        Path home = tmp.resolve("greenlight-home");
        Files.createDirectories(home.resolve("bin"));
        Path copy = Files.copy(LAUNCHER, home.resolve("bin/greenlight"));
        assertThat(copy.toFile().setExecutable(true)).as("made the copy executable").isTrue();
        Files.writeString(home.resolve("pom.xml"), "<project/>");
        Files.setLastModifiedTime(home.resolve("pom.xml"), FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        return home;
    }

    private Command.Result launch(Path launcher, Map<String, String> env, String... args) {
        // run as a user does, through its #!/bin/sh line and executable bit
        List<String> command = Stream.concat(Stream.of(launcher.toString()), Stream.of(args)).toList();
        return Command.run(tmp, env, Duration.ofMinutes(1), command);
    }
}
