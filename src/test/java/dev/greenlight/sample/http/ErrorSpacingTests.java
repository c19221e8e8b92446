package dev.greenlight.sample.http;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorSpacingTests {

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.015, 0.03, 0.06, 1.0})
    void shouldFailExactlyTheFractionEvenlySpread(double fraction) {
        ErrorSpacing spacing = new ErrorSpacing();
        boolean[] failed = new boolean[10_000];
        IntStream.range(0, failed.length).forEach(i -> failed[i] = spacing.failsNext(fraction));

        long total = IntStream.range(0, failed.length).filter(i -> failed[i]).count();
        long firstThousand = IntStream.range(0, 1000).filter(i -> failed[i]).count();
        assertThat(total).isEqualTo(Math.round(10_000 * fraction));
        assertThat(firstThousand).isEqualTo(Math.round(1000 * fraction));
    }
}
