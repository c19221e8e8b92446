package dev.greenlight.cli;

import dev.greenlight.testkit.Command;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The packaged launcher, as a user gets it from {@code mvn package}: {@code bin/greenlight} over the real
 * target/greenlight.jar and its target/lib/ (arguments and exit codes through the script: {@link LauncherScriptTests}). It builds nothing ({@code GREENLIGHT_BUILD=never}). In {@code mvn verify}
 * it runs after {@code package}, in the pom's {@code launcher-jar} execution (integration-test phase); run on its own
 * ({@code -Dtest=LauncherJarTests}) before a package it skips, saying so.
 */
@DisplayName("the packaged launcher: bin/greenlight and java -jar over target/greenlight.jar, and the sample app from the same jar")
class LauncherJarTests {

    private static final Path JAR = Path.of("target", "greenlight.jar");

    @BeforeEach
    void packaged() {
        assumeThat(Files.isRegularFile(JAR)).as("target/greenlight.jar exists: build it with 'mvn package'"
                + " (mvn verify runs this test after package)").isTrue();
    }

    @Test
    @DisplayName("bin/greenlight --help (java -jar target/greenlight.jar underneath) prints this build's help and exits 0")
    void shouldRunTheJarThroughTheLauncher() {
        StringWriter expected = new StringWriter();
        Greenlight.run(new PrintWriter(expected, true), new PrintWriter(new StringWriter(), true), "--help");

        Command.Result launcher = Command.run(Path.of(""), Map.of("GREENLIGHT_BUILD", "never"), Duration.ofMinutes(1),
                List.of(Path.of("bin", "greenlight").toAbsolutePath().toString(), "--help"));

        assertThat(launcher.exitCode()).as(launcher.output()).isZero();
        assertThat(launcher.stdout()).as("bin/greenlight --help, against this build's").isEqualTo(expected.toString());
        assertThat(launcher.stderr()).as("bin/greenlight's stderr (no stale-jar warning)").isEmpty();
    }

    @Test
    @DisplayName("the sample app starts from the jar's classpath, as the local target's child JVM does under java -jar")
    void shouldStartTheSampleAppFromTheJar() {
        // Under java -jar, AppProcess gives the child JVM -cp <the jar>; the manifest's Class-Path brings target/lib/.
        // Nothing listens on 127.0.0.1:1, so the app meets pgjdbc (from lib/) failing to connect, starts anyway,
        // and stops at once when its stdin (the lifeline, /dev/null here) closes.
        Command.Result app = Command.run(Path.of(""), Map.of("PORT", "0", "EXIT_WITH_PARENT", "1",
                "DATABASE_URL", "postgresql://nobody:nothing@127.0.0.1:1/app"), Duration.ofMinutes(1),
                List.of(java(), "-cp", JAR.toString(), "dev.greenlight.sample.SampleStagingApp"));

        assertThat(app.exitCode()).as(app.output()).isZero();
        assertThat(app.stdout() + app.stderr()).as("the app's log: its database driver loaded, its server up, then stopped")
                .contains("PSQLException: Connection to 127.0.0.1:1 refused", "Server listening on http://127.0.0.1:", "Stopped")
                .doesNotContain("NoClassDefFoundError");
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
