package dev.greenlight.sample;

import dev.greenlight.sample.data.DemoData;
import dev.greenlight.sample.db.DirectConnections;
import dev.greenlight.sample.fault.FaultSpec;
import dev.greenlight.sample.fault.StartupFaults;
import dev.greenlight.sample.log.AppLog;
import dev.greenlight.sample.migrate.Migration;
import dev.greenlight.sample.migrate.MigrationOutcome;
import dev.greenlight.sample.migrate.MigrationRunner;
import dev.greenlight.sample.migrate.MigrationSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What happens to the database before the server listens, as in a deploy pipeline that runs
 * {@code prisma migrate deploy || true} and then starts the app: migrations, demo data, and the
 * start-up faults that damage the schema or data. The {@code migration=fail} migration runs after the
 * demo data is in, since it only fails on a non-empty table.
 */
final class DatabasePreparation {

    private final AppConfig config;
    private final AppLog log;
    private final DirectConnections connections;
    private final String prismaVersion;

    DatabasePreparation(AppConfig config, AppLog log, DirectConnections connections, String prismaVersion) {
        this.config = config;
        this.log = log;
        this.connections = connections;
        this.prismaVersion = prismaVersion;
    }

    /**
     * Runs {@code migrate deploy}, seeds an empty database and applies the start-up faults; a database
     * that cannot be reached is logged loudly and not fatal.
     *
     * @return what the deploy did, or {@code null} when the database was unreachable
     * @throws ConfigException when the migrations folder cannot be read
     */
    MigrationOutcome run() {
        List<Migration> known = MigrationSource.load(config.migrationsDir(), config.personality());
        boolean candidate = config.personality() == Personality.CANDIDATE;
        FaultSpec spec = config.faults();
        List<Migration> plan = new ArrayList<>(known);
        if (spec.migration().contains("fail")) {
            if (candidate) {
                plan.add(MigrationSource.faultMigration());
            } else {
                log.warn("Fault migration=fail applies to the candidate (7.0.1) only; ignored");
            }
        }
        MigrationOutcome outcome = null;
        try {
            outcome = new MigrationRunner(connections, log, prismaVersion).deploy(plan, (migration, connection) -> {
                if (migration.name().equals(MigrationSource.FAULT_MIGRATION) && config.seed()) {
                    seed(connection);
                }
            });
            if (!outcome.complete()) {
                log.error("Migrations incomplete (failed: " + outcome.failed() + ", not applied: " + outcome.blocked()
                        + "); the server starts anyway, as after `prisma migrate deploy || true`");
            }
            try (Connection connection = connections.open()) {
                if (config.seed()) {
                    seed(connection);
                }
                StartupFaults.apply(connection, spec, known, candidate, log);
            }
        } catch (SQLException e) {
            log.error("Error: P1001: Can't reach database server at `" + config.databaseUrl().hostAndPort()
                    + "` during start-up (" + AppLog.describe(e) + "); migrations not applied, starting anyway");
        }
        return outcome;
    }

    private void seed(Connection connection) throws SQLException {
        int posts = DemoData.seedIfEmpty(connection);
        if (posts > 0) {
            log.info("Seeded demo data (" + posts + " posts)");
        }
    }
}
