package dev.greenlight.migration;

import dev.greenlight.config.ConfigException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExclusionsTests {

    @Test
    @DisplayName("Table and Table.column entries are read; Prisma's bookkeeping is always left out")
    void shouldParseEntries() {
        Exclusions exclusions = Exclusions.parse(List.of("Audit", "User.createdAt"), List.of("User.email"), "gl");

        assertThat(exclusions.excludesTable("Audit")).isTrue();
        assertThat(exclusions.excludesTable("_prisma_migrations")).isTrue();
        assertThat(exclusions.excludesColumn("User", "createdAt")).isTrue();
        assertThat(exclusions.excludesColumn("Post", "createdAt")).isFalse();
        assertThat(exclusions.taggedRowCondition("User")).contains("\"email\"").contains("gl-");
        assertThat(exclusions.taggedRowCondition("Post")).as("no tag column on Post").isNull();
    }

    @Test
    @DisplayName("A malformed entry is one configuration error naming the key")
    void shouldRejectMalformedEntries() {
        assertThatThrownBy(() -> Exclusions.parse(List.of("a.b.c"), List.of(), "gl"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("migrations.exclude").hasMessageContaining("'a.b.c'");
        assertThatThrownBy(() -> Exclusions.parse(List.of(), List.of("User"), "gl"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("migrations.tagColumns").hasMessageContaining("Table.column");
    }

    @Test
    @DisplayName("The tag matches gl- at the start or after a non-alphanumeric character only")
    void shouldMatchTagOnlyAtWordStart() throws Exception {
        String database = TestDatabases.server().createDatabase("tags");
        TestDatabases.execute(database, "CREATE TABLE \"User\" (id int PRIMARY KEY, email text)",
                "INSERT INTO \"User\" VALUES (1, 'alice+gl-20261125-184501-k3f9@example.com'), (2, 'gl-x@example.com'),"
                        + " (3, 'angl-o@example.com'), (4, 'bob@example.com'), (5, NULL)");
        String condition = Exclusions.parse(List.of(), List.of("User.email"), "gl").taggedRowCondition("User");

        List<Integer> tagged = TestDatabases.readOnly(database).read("tagged rows", connection -> {
            try (var statement = connection.createStatement();
                 var result = statement.executeQuery("SELECT id FROM \"User\" WHERE " + condition + " ORDER BY id")) {
                List<Integer> ids = new java.util.ArrayList<>();
                while (result.next()) {
                    ids.add(result.getInt(1));
                }
                return ids;
            }
        });

        assertThat(tagged).as("rows recognised as Greenlight's").containsExactly(1, 2);
    }
}
