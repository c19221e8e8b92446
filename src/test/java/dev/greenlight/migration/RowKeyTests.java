package dev.greenlight.migration;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RowKeyTests {

    private static RowKey key(Object... values) {
        return new RowKey(Arrays.asList(values));
    }

    @Test
    @DisplayName("Keys order like PostgreSQL's ORDER BY: integers numerically, text by code point (COLLATE \"C\"), nulls first")
    void shouldOrderLikeThePostgresQuery() {
        assertThat(key(9L).compareTo(key(10L))).isNegative();
        assertThat(key("B").compareTo(key("a"))).as("upper case before lower case in C order").isNegative();
        assertThat(key("\uFFFF").compareTo(key("\uD83D\uDE00"))).as("BMP before supplementary, as in UTF-8 byte order").isNegative();
        assertThat(key(1L, "b").compareTo(key(1L, "c"))).isNegative();
        assertThat(key((Object) null).compareTo(key(0L))).isNegative();
    }

    @Test
    @DisplayName("JSON numbers become Long, so keys read back from a snapshot file equal the ones taken")
    void shouldReadJsonKeys() {
        assertThat(RowKey.fromJson(List.of(42, "x"))).isEqualTo(key(42L, "x"));
        assertThat(key(42L, "x")).hasToString("(42, x)");
        assertThat(key(7L)).hasToString("7");
    }
}
