package dev.greenlight.acceptance.smoke;

import dev.greenlight.db.DatabaseAccessRefused;
import dev.greenlight.db.DatabaseUnavailableException;
import dev.greenlight.db.ReadOnlyDatabase;
import dev.greenlight.evidence.Measurement;
import dev.greenlight.run.Criterion;
import dev.greenlight.run.EvidenceRecorder;
import dev.greenlight.run.RunContext;
import dev.greenlight.smoke.Smoke;
import io.qameta.allure.Allure;
import io.qameta.allure.Feature;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

@Smoke
@Feature("Database")
@DisplayName("Database: reachable read-only, migrations finished")
class DatabaseTests {

    private ReadOnlyDatabase database;

    @BeforeEach
    void databaseIsConfigured(RunContext run) {
        assumeTrue(run.config().database().configured(), "database.jdbcUrl is not set in the target file: database checks need it");
        database = new ReadOnlyDatabase(run.config().database(), run.masker());
    }

    @Test
    @Criterion("db-connection")
    @DisplayName("Greenlight reaches the database with a read-only session")
    void shouldReachDatabaseReadOnly(EvidenceRecorder evidence) {
        String[] seen = new String[2];
        try {
            database.read("reading the server version", connection -> {
                try (Statement statement = connection.createStatement();
                     ResultSet result = statement.executeQuery("SELECT version(), current_setting('transaction_read_only')")) {
                    result.next();
                    seen[0] = result.getString(1);
                    seen[1] = result.getString(2);
                }
                return null;
            });
        } catch (DatabaseAccessRefused refused) {
            throw refused; // Greenlight's own role, not the database's health: not run, no connection failure counted
        } catch (DatabaseUnavailableException down) {
            evidence.record(Measurement.of("db-connection", "harness read-only connection").count(1, 1));
            throw down;
        }
        evidence.record(Measurement.of("db-connection", "harness read-only connection").count(0, 1));
        Allure.addAttachment("server version", seen[0]);

        assertThat(seen[0]).as("PostgreSQL server version").startsWith("PostgreSQL");
        assertThat(seen[1]).as("transaction_read_only of Greenlight's session").isEqualTo("on");
    }

    @Test
    @Criterion("migrations")
    @DisplayName("No migration in _prisma_migrations is failed or unfinished")
    void shouldHaveNoFailedOrUnfinishedMigrations(EvidenceRecorder evidence) {
        List<String> unfinished = new ArrayList<>();
        long rows = database.read("reading _prisma_migrations", connection -> {
            try (Statement statement = connection.createStatement()) {
                try (ResultSet exists = statement.executeQuery("SELECT to_regclass('_prisma_migrations') IS NOT NULL")) {
                    exists.next();
                    if (!exists.getBoolean(1)) {
                        throw new DatabaseUnavailableException("there is no _prisma_migrations table: is database.jdbcUrl the application's Prisma database?");
                    }
                }
                try (ResultSet result = statement.executeQuery("SELECT migration_name, started_at, left(coalesce(logs, ''), 300) FROM _prisma_migrations"
                        + " WHERE finished_at IS NULL AND rolled_back_at IS NULL ORDER BY started_at")) {
                    while (result.next()) {
                        unfinished.add(result.getString(1) + " (started " + result.getTimestamp(2) + ", finished_at NULL) "
                                + result.getString(3).replaceAll("\\s+", " "));
                    }
                }
                try (ResultSet count = statement.executeQuery("SELECT count(*) FROM _prisma_migrations")) {
                    count.next();
                    return count.getLong(1);
                }
            }
        });
        evidence.record(Measurement.of("migrations", "failed or unfinished migrations").count(unfinished.size(), rows));

        assertThat(unfinished).as("migrations failed or unfinished in _prisma_migrations (%d rows)", rows).isEmpty();
    }
}
