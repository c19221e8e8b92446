package dev.greenlight.soak.load;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LongRingTests {

    @Test
    @DisplayName("First in, first out across the wrap-around; full refuses, clear empties")
    void shouldKeepOrderAndCapacity() {
        LongRing ring = new LongRing(3);
        assertThat(ring.offer(1)).isTrue();
        assertThat(ring.offer(2)).isTrue();
        assertThat(ring.poll()).isEqualTo(1);
        assertThat(ring.offer(3)).isTrue();
        assertThat(ring.offer(4)).as("wraps to the freed first cell").isTrue();
        assertThat(ring.offer(5)).as("full").isFalse();
        assertThat(ring.size()).isEqualTo(3);

        assertThat(new long[] {ring.poll(), ring.poll(), ring.poll()}).containsExactly(2, 3, 4);
        assertThat(ring.isEmpty()).isTrue();

        ring.offer(6);
        ring.clear();
        assertThat(ring.isEmpty()).isTrue();
        assertThat(ring.offer(7)).isTrue();
        assertThat(ring.poll()).isEqualTo(7);
    }

    @Test
    @DisplayName("A capacity below one still holds one")
    void shouldHoldAtLeastOne() {
        LongRing ring = new LongRing(0);
        assertThat(ring.offer(9)).isTrue();
        assertThat(ring.offer(10)).isFalse();
    }
}
