package dev.greenlight.migration;

import dev.greenlight.config.ConfigException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MigrationFolderTests {

    @Test
    @DisplayName("Folders are read oldest first with Prisma's checksum: SHA-256 hex of the migration.sql bytes")
    void shouldReadFoldersWithPrismaChecksums() {
        var folders = MigrationFolder.readAll(TestDatabases.MIGRATIONS);

        assertThat(folders).extracting(MigrationFolder::name).as("folders in name order")
                .containsExactly("20240915093000_init", "20241008120000_add_feed_index",
                        "20241127090000_prisma7_user_created_at_author_index");
        // the value sha256sum prints for the file
        assertThat(folders.get(0).checksum()).as("checksum of the init migration")
                .isEqualTo("d52370c8dd48955754d6632193b2beae08a75b2de2d28e0849b858e633295371");
    }

    @Test
    @DisplayName("A checksum recorded for the same script with CRLF line endings still matches, as Prisma accepts it")
    void shouldAcceptLineEndingOnlyDifference(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("20240101000000_x/migration.sql");
        Files.createDirectories(script.getParent());
        Files.writeString(script, "SELECT 1;\nSELECT 2;\n");
        MigrationFolder folder = MigrationFolder.readAll(dir).get(0);
        String crlf = MigrationFolder.sha256("SELECT 1;\r\nSELECT 2;\r\n".getBytes(StandardCharsets.UTF_8));

        assertThat(folder.matchesIgnoringLineEndings(crlf)).as("CRLF checksum matches the LF file").isTrue();
        assertThat(folder.matchesIgnoringLineEndings(MigrationFolder.sha256("SELECT 3;\n".getBytes(StandardCharsets.UTF_8))))
                .as("another script's checksum").isFalse();
    }

    @Test
    @DisplayName("A directory that is not a migrations directory is one clear configuration error")
    void shouldExplainWrongDirectory(@TempDir Path dir) {
        assertThatThrownBy(() -> MigrationFolder.readAll(dir.resolve("nope")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("migrations.dir").hasMessageContaining("not a directory");
        assertThatThrownBy(() -> MigrationFolder.readAll(dir))
                .isInstanceOf(ConfigException.class).hasMessageContaining("no <name>/migration.sql");
    }
}
