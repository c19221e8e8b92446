package dev.greenlight.target;

import dev.greenlight.config.Secret;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("A local target can live in a PostgreSQL server that is already running, and leaves it as found")
class SharedServerTests {

    @Test
    void shouldGiveEachRunItsOwnDatabaseAndRolesAndDropThemAfter() throws Exception {
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().start()) {
            String url = "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/postgres";
            EmbeddedDatabase first = EmbeddedDatabase.attach(url, "postgres", null, "app", "app", "run-a1");
            EmbeddedDatabase second = EmbeddedDatabase.attach(url, "postgres", null, "app", "app", "run-b2");

            assertThat(first.database()).isNotEqualTo(second.database()).startsWith("app_");
            assertThat(first.readerUser()).isNotEqualTo(second.readerUser());
            try (Connection reader = DriverManager.getConnection(first.jdbcUrl(first.database()), first.readerUser(), first.readerPassword().reveal());
                 Statement statement = reader.createStatement();
                 ResultSet result = statement.executeQuery("SELECT current_database()")) {
                result.next();
                assertThat(result.getString(1)).isEqualTo(first.database());
            }

            first.close();
            second.close();
            try (Connection admin = server.getPostgresDatabase().getConnection(); Statement statement = admin.createStatement();
                 ResultSet left = statement.executeQuery("SELECT count(*) FROM pg_database WHERE datname LIKE 'app%'"
                         + " UNION ALL SELECT count(*) FROM pg_roles WHERE rolname LIKE 'app%' OR rolname LIKE 'greenlight%'")) {
                left.next();
                assertThat(left.getLong(1)).as("databases left behind").isZero();
                left.next();
                assertThat(left.getLong(1)).as("roles left behind").isZero();
            }
        }
    }

    @Test
    void shouldNameTheServerWhenItCannotPrepareTheRun() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> EmbeddedDatabase.attach("jdbc:postgresql://127.0.0.1:1/postgres",
                        "postgres", Secret.of("x"), "app", "app", "r"))
                .isInstanceOf(TargetNotReadyException.class)
                .hasMessageContaining("cannot prepare a database for this run on jdbc:postgresql://127.0.0.1:1/postgres as postgres");
    }
}
