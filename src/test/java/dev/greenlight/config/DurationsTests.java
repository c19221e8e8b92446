package dev.greenlight.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DurationsTests {

    @ParameterizedTest
    @CsvSource({"500ms,PT0.5S", "30s,PT30S", "1.5s,PT1.5S", "2m,PT2M", "24h,PT24H", "2d,PT48H", "PT5S,PT5S", " 10s ,PT10S"})
    void shouldReadWhatPeopleWrite(String text, String iso) {
        assertThat(Durations.parse(text)).isEqualTo(Duration.parse(iso));
    }

    @Test
    void shouldRejectWhatItCannotRead() {
        assertThatThrownBy(() -> Durations.parse("soon")).hasMessageContaining("a duration like 500ms");
        assertThatThrownBy(() -> Durations.parse("10 parsecs")).hasMessageContaining("'10 parsecs'");
    }

    @Test
    void shouldFormatShortly() {
        assertThat(Durations.format(Duration.ofMillis(250))).isEqualTo("250ms");
        assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1.5s");
        assertThat(Durations.format(Duration.ofMinutes(2))).isEqualTo("2m");
        assertThat(Durations.format(Duration.ofMinutes(90))).isEqualTo("1h30m");
    }
}
