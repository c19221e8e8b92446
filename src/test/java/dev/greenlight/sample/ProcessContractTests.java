package dev.greenlight.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.greenlight.sample.testkit.EmbeddedPostgresExtension;
import dev.greenlight.sample.testkit.RunningApp;
import dev.greenlight.sample.testkit.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EmbeddedPostgresExtension.class)
@DisplayName("As a child process: exit codes, SIGTERM and exit-with-parent")
class ProcessContractTests {

    private static Process launch(Map<String, String> env, Path output) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SampleStagingApp.class.getName());
        builder.environment().keySet().removeIf(k -> k.equals("GREENLIGHT_SAMPLE_FAULTS") || k.equals("PORT"));
        builder.environment().putAll(env);
        builder.redirectErrorStream(true).redirectOutput(output.toFile());
        return builder.start();
    }

    private static Map<String, String> env(TestDatabase db, Path log, String exitWithParent) {
        return Map.of("PORT", "0", "DATABASE_URL", db.prismaUrl(), "LOG_FILE", log.toString(), "EXIT_WITH_PARENT", exitWithParent);
    }

    @Test
    void shouldExitWithStatusTwoNamingABadFaultSpec(TestDatabase db) throws Exception {
        Path output = RunningApp.logFileFor(db);
        Process app = launch(Map.of("PORT", "0", "DATABASE_URL", db.prismaUrl(), "GREENLIGHT_SAMPLE_FAULTS", "latency=soon"), output);

        assertThat(app.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(app.exitValue()).isEqualTo(2);
        assertThat(Files.readString(output)).contains("latency=soon", "not a duration");
    }

    @Test
    void shouldStopCleanlyOnSigterm(TestDatabase db) throws Exception {
        Path log = RunningApp.logFileFor(db);
        Process app = launch(env(db, log, "0"), RunningApp.logFileFor(db));
        await().atMost(Duration.ofSeconds(30)).until(() -> RunningApp.read(log).contains("Server listening on"));

        app.destroy();

        assertThat(app.waitFor(15, TimeUnit.SECONDS)).isTrue();
        assertThat(RunningApp.read(log)).contains("Shutting down", "Stopped").doesNotContain(TestDatabase.PASSWORD);
    }

    @Test
    void shouldExitWhenItsParentClosesStandardInput(TestDatabase db) throws Exception {
        Path log = RunningApp.logFileFor(db);
        Process app = launch(env(db, log, "1"), RunningApp.logFileFor(db));
        await().atMost(Duration.ofSeconds(30)).until(() -> RunningApp.read(log).contains("Server listening on"));

        app.getOutputStream().close();

        assertThat(app.waitFor(15, TimeUnit.SECONDS)).isTrue();
        assertThat(app.exitValue()).isZero();
        assertThat(RunningApp.read(log)).contains("Standard input closed", "Stopped");
    }
}
