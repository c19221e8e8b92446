package dev.greenlight.soak.stats;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

@DisplayName("Hodges–Lehmann shift with the Wilcoxon signed-rank interval")
class PairedShiftTests {

    @Test
    @DisplayName("the signed-rank table: n = 10 at 95 % takes the 9th Walsh average from each end (Hollander & Wolfe, table A.4)")
    void shouldMatchTheSignedRankTable() {
        assertThat(PairedShift.lowerRank(10, 0.025)).isEqualTo(9);
        assertThat(PairedShift.lowerRank(20, 0.025)).isEqualTo(53);
        assertThat(PairedShift.lowerRank(5, 0.025)).as("five pairs cannot give a 95 %% interval").isZero();
    }

    @Test
    @DisplayName("a shift every pair shares is found exactly; one wild pair barely moves it")
    void shouldFindTheSharedShiftAndShrugOffOneWildPair() {
        double[] d = new double[21];
        Random random = new Random(3);
        for (int i = 0; i < d.length; i++) {
            d[i] = 0.26 + random.nextGaussian() * 0.02;
        }
        PairedShift clean = PairedShift.of(d, 0.95);
        d[7] = -1.0;
        PairedShift wild = PairedShift.of(d, 0.95);

        assertThat(clean.estimate()).isCloseTo(0.26, within(0.015));
        assertThat(clean.low()).isGreaterThan(0.24);
        assertThat(clean.high()).isLessThan(0.28);
        assertThat(wild.estimate()).as("with one pair at -1.0").isCloseTo(clean.estimate(), within(0.01));
    }

    @Test
    @DisplayName("no shift: the interval covers 0")
    void shouldCoverZeroWhenThereIsNoShift() {
        double[] d = new double[30];
        Random random = new Random(5);
        for (int i = 0; i < d.length; i++) {
            d[i] = random.nextGaussian() * 0.1;
        }
        PairedShift none = PairedShift.of(d, 0.95);

        assertThat(none.low()).isNegative();
        assertThat(none.high()).isPositive();
        assertThat(none.pairs()).isEqualTo(30);
    }
}
