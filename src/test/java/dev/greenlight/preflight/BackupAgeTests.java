package dev.greenlight.preflight;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Backup age: a file's time, or the newest time a listing shows")
class BackupAgeTests {

    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

    @TempDir
    Path dir;

    @Test
    @DisplayName("The newest file of a backup directory counts, by its modification time")
    void shouldTakeTheNewestFileOfADirectory() throws Exception {
        Path old = Files.writeString(dir.resolve("app-1.dump"), "x");
        Path fresh = Files.writeString(dir.resolve("app-2.dump"), "x");
        Files.setLastModifiedTime(old, FileTime.from(NOW.minus(Duration.ofDays(3))));
        Files.setLastModifiedTime(fresh, FileTime.from(NOW.minus(Duration.ofHours(2))));

        BackupAge newest = BackupAge.ofFile(dir).orElseThrow();

        assertThat(newest.what()).as("the newest backup").endsWith("app-2.dump");
        assertThat(newest.age(Clock.fixed(NOW, ZoneOffset.UTC))).as("its age").isEqualTo(Duration.ofHours(2));
        assertThat(BackupAge.ofFile(dir.resolve("missing"))).as("no backup where there is none").isEmpty();
    }

    @Test
    @DisplayName("A listing's newest time counts, with or without an offset (then UTC)")
    void shouldReadTheNewestTimeOfAListing() {
        String listing = """
                snap-a  2026-12-01T03:00:00Z  available
                snap-b  2026-12-04 09:30:00   available
                snap-c  2026-12-03T23:00:00+02:00
                """;

        BackupAge newest = BackupAge.ofListing(listing).orElseThrow();

        assertThat(newest.taken()).as("the newest time listed").isEqualTo(Instant.parse("2026-12-04T09:30:00Z"));
        assertThat(newest.what()).as("its line").startsWith("snap-b");
        assertThat(BackupAge.ofListing("no backups")).as("a listing without a time").isEmpty();
    }
}
