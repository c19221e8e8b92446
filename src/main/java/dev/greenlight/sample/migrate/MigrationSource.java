package dev.greenlight.sample.migrate;

import dev.greenlight.sample.ConfigException;
import dev.greenlight.sample.Personality;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Reads migration folders laid out as Prisma keeps them: {@code prisma/migrations/<timestamp>_<name>/migration.sql}. */
public final class MigrationSource {

    /** The migration added by the {@code migration=fail} fault; it fails on a non-empty User table. */
    public static final String FAULT_MIGRATION = "20241127120000_add_user_handle";

    private static final Pattern FOLDER = Pattern.compile("\\d{14}_[A-Za-z0-9_]+");
    private static final Pattern PROVIDER = Pattern.compile("(?m)^\\s*provider\\s*=\\s*\"([^\"]*)\"");

    private MigrationSource() {
    }

    /**
     * The migrations in the folder that this Prisma release knows about, oldest first.
     *
     * @throws ConfigException when the lock file names another provider or a folder cannot be read
     */
    public static List<Migration> load(Path dir, Personality personality) {
        checkLockFile(dir);
        List<Migration> migrations = new ArrayList<>();
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path folder : entries.sorted().toList()) {
                String name = folder.getFileName().toString();
                Path script = folder.resolve("migration.sql");
                if (Files.isDirectory(folder) && FOLDER.matcher(name).matches() && Files.isRegularFile(script)
                        && personality.knowsMigration(name)) {
                    migrations.add(new Migration(name, Files.readAllBytes(script)));
                }
            }
        } catch (IOException e) {
            throw new ConfigException("Cannot read MIGRATIONS_DIR " + dir.toAbsolutePath() + ": " + e.getMessage());
        }
        return migrations;
    }

    /** The {@code migration=fail} fault's migration, kept apart from the real ones in the app's resources. */
    public static Migration faultMigration() {
        String resource = "/dev/greenlight/sample/faults/migrations/" + FAULT_MIGRATION + "/migration.sql";
        try (InputStream in = MigrationSource.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource);
            }
            return new Migration(FAULT_MIGRATION, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void checkLockFile(Path dir) {
        Path lock = dir.resolve("migration_lock.toml");
        if (!Files.isRegularFile(lock)) {
            return;
        }
        try {
            var matcher = PROVIDER.matcher(Files.readString(lock, StandardCharsets.UTF_8));
            if (matcher.find() && !matcher.group(1).equals("postgresql")) {
                throw new ConfigException("P3019: The datasource provider `postgresql` does not match `"
                        + matcher.group(1) + "` in " + lock.toAbsolutePath());
            }
        } catch (IOException e) {
            throw new ConfigException("Cannot read " + lock.toAbsolutePath() + ": " + e.getMessage());
        }
    }
}
