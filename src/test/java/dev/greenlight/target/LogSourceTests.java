package dev.greenlight.target;

import dev.greenlight.config.Masker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LogSourceTests {

    @TempDir
    Path dir;

    @Test
    void shouldTailAFileAndFindTheLastMatchingLine() throws IOException {
        Path log = dir.resolve("app.log");
        Files.write(log, IntStream.rangeClosed(1, 100).mapToObj(i -> "line " + i + (i == 40 ? " Prisma Client 7.0.1" : "")).toList());
        FileLogSource source = new FileLogSource(log, 1000);

        assertThat(source.tail(3)).containsExactly("line 98", "line 99", "line 100");
        assertThat(source.lastLineContaining("Prisma Client 7.0.1")).contains("line 40 Prisma Client 7.0.1");
        assertThat(new FileLogSource(dir.resolve("none.log"), 10).tail(5)).isEmpty();
    }

    @Test
    void shouldReadACommandsOutput() {
        CommandLogSource source = new CommandLogSource(List.of("sh", "-c", "seq 1 50"), Duration.ofSeconds(10), 1000, Masker.patternsOnly());
        assertThat(source.tail(2)).containsExactly("49", "50");
    }

    @Test
    void shouldKillACommandThatHangsAndSaySo() {
        CommandLogSource source = new CommandLogSource(List.of("sleep", "30"), Duration.ofMillis(300), 1000, Masker.patternsOnly());
        long started = System.nanoTime();

        assertThatThrownBy(() -> source.tail(10)).isInstanceOf(LogUnavailableException.class)
                .hasMessageContaining("did not finish within");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void shouldReportAFailingCommandWithSecretsMasked() {
        CommandLogSource source = new CommandLogSource(List.of("sh", "-c", "echo 'bad token=abc123' >&2; exit 3", "--token=abc123"),
                Duration.ofSeconds(10), 1000, Masker.patternsOnly());

        assertThatThrownBy(() -> source.tail(10)).hasMessageContaining("exited with 3").hasMessageNotContaining("abc123");
    }
}
