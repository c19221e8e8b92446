package dev.greenlight.config;

import java.util.List;

/**
 * The application's Prisma migrations and what data-integrity checks leave out.
 *
 * @param dir     the application's {@code prisma/migrations} directory, readable from where Greenlight runs
 * @param exclude {@code Table.column} or {@code Table} entries the integrity snapshot comparison ignores
 *                (columns a migration added or changed on purpose)
 */
public record MigrationConfig(String dir, List<String> exclude) {

    public MigrationConfig {
        exclude = exclude == null ? List.of() : List.copyOf(exclude);
    }
}
