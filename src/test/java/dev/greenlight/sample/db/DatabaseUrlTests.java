package dev.greenlight.sample.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.sample.ConfigException;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("DATABASE_URL in Prisma's form becomes JDBC without leaking the password")
class DatabaseUrlTests {

    @Test
    void shouldTranslatePrismaUrlToJdbc() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://app:pw@db.internal:6543/shop?schema=tenant&sslmode=require");

        assertThat(url.jdbcUrl()).startsWith("jdbc:postgresql://db.internal:6543/shop?currentSchema=tenant")
                .contains("sslmode=require").doesNotContain("pw");
        assertThat(url.jdbcProperties()).containsEntry("user", "app").containsEntry("password", "pw");
        assertThat(url.hostAndPort()).isEqualTo("db.internal:6543");
        assertThat(url.schema()).isEqualTo("tenant");
    }

    @Test
    void shouldDefaultPortAndSchemaAndDecodeCredentials() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://us%40er:p%3Ass+w@localhost/app");

        assertThat(url.hostAndPort()).isEqualTo("localhost:5432");
        assertThat(url.schema()).isEqualTo("public");
        assertThat(url.jdbcProperties()).containsEntry("user", "us@er").containsEntry("password", "p:ss+w");
    }

    @Test
    void shouldNeverShowThePassword() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://app:hunter2@127.0.0.1:5432/db?schema=public");

        assertThat(url.toString()).doesNotContain("hunter2").contains("app:****@127.0.0.1:5432/db");
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://app:hunter2@host/db"))
                .isInstanceOf(ConfigException.class).hasMessageNotContaining("hunter2");
    }

    @Test
    void shouldReadPrismaPoolTimeoutInSeconds() {
        assertThat(DatabaseUrl.parse("postgresql://h/db?pool_timeout=2").poolTimeout()).contains(Duration.ofSeconds(2));
        assertThat(DatabaseUrl.parse("postgresql://h/db").poolTimeout()).isEmpty();
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://h/db?pool_timeout=soon").poolTimeout())
                .isInstanceOf(ConfigException.class).hasMessageContaining("pool_timeout");
    }
}
