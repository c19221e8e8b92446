package dev.greenlight.sample.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Fault quantities: durations, percentages, sizes, counts")
class QuantitiesTests {

    @Test
    void shouldParseDurationsInMillisSecondsAndMinutes() {
        assertThat(Quantities.duration("300ms")).isEqualTo(Duration.ofMillis(300));
        assertThat(Quantities.duration("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(Quantities.duration("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(Quantities.duration("0.5ms")).isEqualTo(Duration.ofNanos(500_000));
    }

    @ParameterizedTest
    @ValueSource(strings = {"300", "ms", "-1s", "1h", "11m", "3 00ms", "1,5s"})
    void shouldRejectDurationsWithoutUnitOrOutOfRange(String text) {
        assertThatThrownBy(() -> Quantities.duration(text)).isInstanceOf(FaultSpecException.class).hasMessageContaining(text);
    }

    @Test
    void shouldParsePercentagesAsFractions() {
        assertThat(Quantities.percent("3%")).isEqualTo(0.03);
        assertThat(Quantities.percent("2.5%")).isEqualTo(0.025);
        assertThat(Quantities.percent("100%")).isEqualTo(1.0);
        assertThat(Quantities.percent("0%")).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"3", "0.03", "101%", "-1%", "%", "3%%"})
    void shouldRejectPercentagesWithoutSignOrAboveHundred(String text) {
        assertThatThrownBy(() -> Quantities.percent(text)).isInstanceOf(FaultSpecException.class);
    }

    @Test
    void shouldParseSizesAsBinaryMultiples() {
        assertThat(Quantities.bytes("16KB")).isEqualTo(16 * 1024);
        assertThat(Quantities.bytes("8MB")).isEqualTo(8L * 1024 * 1024);
        assertThat(Quantities.bytes("1gb")).isEqualTo(1024L * 1024 * 1024);
        assertThat(Quantities.bytes("512B")).isEqualTo(512);
        assertThat(Quantities.bytes("0.5KiB")).isEqualTo(512);
    }

    @ParameterizedTest
    @ValueSource(strings = {"16", "16K", "0KB", "17GB", "KB", "1TB"})
    void shouldRejectSizesWithoutUnitOrOutOfRange(String text) {
        assertThatThrownBy(() -> Quantities.bytes(text)).isInstanceOf(FaultSpecException.class);
    }

    @Test
    void shouldAcceptOnlyPositiveWholeCounts() {
        assertThat(Quantities.positiveCount("9")).isEqualTo(9);
        assertThatThrownBy(() -> Quantities.positiveCount("0")).isInstanceOf(FaultSpecException.class);
        assertThatThrownBy(() -> Quantities.positiveCount("2.5")).isInstanceOf(FaultSpecException.class);
        assertThatThrownBy(() -> Quantities.positiveCount("-3")).isInstanceOf(FaultSpecException.class);
    }
}
