package dev.greenlight.soak.load;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class LoadCountsTests {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    @Test
    @DisplayName("A late start counts its wait in the corrected latency only, and as late past the threshold")
    void shouldMeasureFromTheDueTimeAndCountLateStarts() {
        LoadCounts counts = new LoadCounts(2, 10 * MS);
        counts.record(0, Outcome.OK, 0, 0, 20 * MS);                  // on time, 20 ms
        counts.record(1, Outcome.SERVER_ERROR, 0, 500 * MS, 520 * MS); // sent 500 ms late, 20 ms answer
        counts.record(-1, Outcome.DROPPED, 0, 900 * MS, 900 * MS);     // never sent

        LoadInterval interval = counts.toInterval(0, 1000 * MS);

        assertThat(interval.finished()).isEqualTo(3);
        assertThat(interval.errors()).as("server error and dropped start").isEqualTo(2);
        assertThat(interval.late()).as("starts more than 10 ms after due").isEqualTo(2);
        assertThat(interval.maxLagMicros()).isEqualTo(900_000);
        assertThat(interval.corrected().getMaxValue()).as("corrected max, µs").isBetween(899_000L, 901_000L);
        assertThat(interval.uncorrected().getValueAtPercentile(100 * 2 / 3.0)).as("the sent requests took 20 ms, µs")
                .isBetween(19_900L, 20_100L);
        assertThat(interval.perKind()).satisfiesExactly(
                kind0 -> assertThat(kind0).containsExactly(1, 0),
                kind1 -> assertThat(kind1).containsExactly(1, 1));
    }

    @Test
    @DisplayName("Counts from two lanes add up, and a reset starts from nothing")
    void shouldAddAndReset() {
        LoadCounts a = new LoadCounts(1, 10 * MS);
        LoadCounts b = new LoadCounts(1, 10 * MS);
        a.record(0, Outcome.OK, 0, 0, 5 * MS);
        b.record(0, Outcome.TIMEOUT, 0, 50 * MS, 60 * MS);

        a.add(b);
        LoadInterval sum = a.toInterval(0, 100 * MS);
        b.reset();
        LoadInterval empty = b.toInterval(0, 100 * MS);

        assertThat(sum.finished()).isEqualTo(2);
        assertThat(sum.count(Outcome.TIMEOUT)).isEqualTo(1);
        assertThat(sum.late()).isEqualTo(1);
        assertThat(sum.maxLagMicros()).isEqualTo(50_000);
        assertThat(empty.finished()).isZero();
        assertThat(empty.corrected().getTotalCount()).isZero();
        assertThat(empty.perKind().get(0)).containsExactly(0, 0);
    }
}
