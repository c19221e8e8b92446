package dev.greenlight.soak;

import dev.greenlight.soak.load.LoadInterval;
import dev.greenlight.soak.load.Outcome;
import dev.greenlight.soak.monitor.MonitorSummary;
import dev.greenlight.soak.profile.SoakProfile;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The early stop: errors sustained and surely above the limit end the run; a burst or a rate at the limit does not")
class AbortRuleTests {

    private static final Histogram EMPTY = new Histogram(1, 3_600_000_000L, 3);

    private final AbortRule rule = new AbortRule(new SoakProfile.Abort(0.05, Duration.ofSeconds(6), true, 0.99), Duration.ofSeconds(1));
    private int index;

    private Optional<String> interval(long errors, long finished, long dbFailures) {
        long[] outcomes = new long[Outcome.values().length];
        outcomes[Outcome.OK.ordinal()] = finished - errors;
        outcomes[Outcome.SERVER_ERROR.ordinal()] = errors;
        LoadInterval load = new LoadInterval(0, 1_000_000_000L, EMPTY, EMPTY, outcomes, 0, 0, List.of());
        MonitorSummary monitor = new MonitorSummary(2, 0, null, 0.1, 0.1, 1e7, 1e7, 5e7, 5e7, 10, 0.1, 1, 0, 0,
                2, (int) dbFailures, null, 3, 100, 1, 10, "pg_stat_statements");
        Instant at = Instant.ofEpochSecond(index);
        return rule.apply(new IntervalRecord(index++, at, at.plusSeconds(1), index, load, monitor));
    }

    @Test
    @DisplayName("20 % errors in every interval stop the run as soon as the window is full")
    void shouldStopWhenTheWindowIsSurelyAboveTheLimit() {
        for (int i = 0; i < 5; i++) {
            assertThat(interval(60, 300, 0)).as("interval %d, window not full yet", i).isEmpty();
        }
        assertThat(interval(60, 300, 0)).as("sixth interval").hasValueSatisfying(reason ->
                assertThat(reason).contains("surely above 5.0% over the last 6s").contains("rollback condition"));
    }

    @Test
    @DisplayName("a steady 6 % is told from 5 % once the whole run holds enough requests, not by one window")
    void shouldStopOnTheRunSoFarForARateJustAboveTheLimit() {
        Optional<String> reason = Optional.empty();
        int intervals = 0;
        while (reason.isEmpty() && intervals < 200) {
            reason = interval(18, 300, 0);
            intervals++;
        }
        assertThat(reason).as("after %d intervals of 18 errors in 300", intervals).hasValueSatisfying(r ->
                assertThat(r).contains("over the run so far"));
        assertThat(intervals).as("intervals before the stop (one window of 1,800 requests cannot tell 6 %% from 5 %%)").isGreaterThan(6);
    }

    @Test
    @DisplayName("a burst of errors that does not last never stops the run, nor does a rate at the limit")
    void shouldNotStopOnABurstOrAtTheLimit() {
        assertThat(interval(300, 300, 0)).isEmpty();
        for (int i = 0; i < 20; i++) {
            assertThat(interval(0, 300, 0)).as("clean interval %d after the burst", i).isEmpty();
        }
        for (int i = 0; i < 100; i++) {
            assertThat(interval(15, 300, 0)).as("interval %d at exactly 5 %%", i).isEmpty();
        }
    }

    @Test
    @DisplayName("DB connection failures in every interval of the window stop the run")
    void shouldStopWhenDatabaseConnectionsKeepFailing() {
        for (int i = 0; i < 5; i++) {
            assertThat(interval(0, 300, 1)).isEmpty();
        }
        assertThat(interval(0, 300, 1)).hasValueSatisfying(reason -> assertThat(reason).contains("database connections failing"));
    }
}
