package dev.greenlight.smoke;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VersionLineTests {

    private final VersionLine prisma = new VersionLine("Prisma Client {version}");

    @Test
    void shouldTakeTheLatestStartNotTheFirst() {
        List<String> log = List.of("10:00 INFO Prisma Client 7.0.1 (engine: client)", "10:05 INFO Stopped",
                "10:06 INFO Prisma Client 6.19.0 (engine: library)", "10:06 INFO Server listening");

        assertThat(prisma.latest(log)).get().extracting(VersionLine.Found::version).isEqualTo("6.19.0");
    }

    @Test
    void shouldFindNothingInALogWithoutTheLine() {
        assertThat(prisma.latest(List.of("hello", "Prisma Client"))).isEmpty();
    }

    @Test
    void shouldTreatThePatternAsTextNotRegex() {
        VersionLine app = new VersionLine("app (v{version}) up");
        assertThat(app.latest(List.of("app (v2.4.0) up"))).get().extracting(VersionLine.Found::version).isEqualTo("2.4.0");
        assertThatThrownBy(() -> new VersionLine("Prisma Client")).hasMessageContaining("must contain {version}");
    }
}
