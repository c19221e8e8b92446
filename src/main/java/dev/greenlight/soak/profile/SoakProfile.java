package dev.greenlight.soak.profile;

import java.time.Duration;
import java.util.List;

/**
 * A soak profile from {@code suites/soak.yaml}: the load's shape, the monitoring cadence, checkpoints, incident
 * thresholds and the rollback conditions that stop a run early. Chosen by name ({@code soak.profile} in the
 * target file, or {@code -Dgreenlight.soak.profile=...}).
 *
 * @param description    one line for the report
 * @param mix            name of the request mix under {@code mixes:}
 * @param duration       how long the load runs (ramp included)
 * @param rampUp         time to grow from zero to {@code rate}
 * @param rate           requests per second once ramped up
 * @param maxConcurrency requests in flight at most
 * @param timeout        per-request timeout; the target's {@code app.timeouts.request} when unset
 * @param interval       how often results are closed, recorded and flushed
 * @param scrapeEvery    how often metrics and PostgreSQL are read
 * @param warmUp         the start of the run left out of the memory trend (the memory series keeps the lowest
 *                       live heap of each interval, which approximates the heap after collection)
 * @param progressEvery  how often a progress line is printed
 * @param checkpoints    when status summaries are written
 * @param incidents      thresholds that open an incident while breached
 * @param abort          rollback conditions that end the run early
 */
public record SoakProfile(
        String description,
        String mix,
        Duration duration,
        Duration rampUp,
        Double rate,
        Integer maxConcurrency,
        Duration timeout,
        Duration interval,
        Duration scrapeEvery,
        Duration warmUp,
        Duration progressEvery,
        Checkpoints checkpoints,
        Thresholds incidents,
        Abort abort) {

    public SoakProfile {
        description = description == null ? "" : description;
        mix = mix == null ? "critical-path" : mix;
        duration = duration == null ? Duration.ofMinutes(1) : duration;
        rampUp = rampUp == null ? Duration.ZERO : rampUp;
        rate = rate == null ? 20.0 : rate;
        maxConcurrency = maxConcurrency == null ? 64 : maxConcurrency;
        interval = interval == null ? Duration.ofSeconds(5) : interval;
        scrapeEvery = scrapeEvery == null ? Duration.ofSeconds(1) : scrapeEvery;
        warmUp = warmUp == null ? Duration.ZERO : warmUp;
        progressEvery = progressEvery == null ? Duration.ofSeconds(5) : progressEvery;
        checkpoints = checkpoints == null ? new Checkpoints(null, null, null) : checkpoints;
        incidents = incidents == null ? new Thresholds(null, null, null, null, null, null, null) : incidents;
        abort = abort == null ? new Abort(null, null, null) : abort;
    }

    /** The same profile with another duration (a short self-test of a long profile). */
    public SoakProfile withDuration(Duration newDuration) {
        return new SoakProfile(description, mix, newDuration, rampUp, rate, maxConcurrency, timeout, interval,
                scrapeEvery, warmUp, progressEvery, checkpoints, incidents, abort);
    }

    /**
     * When checkpoints fall: every {@code every} from the start, and/or at wall-clock times of day.
     *
     * @param every a period from the start, e.g. {@code 20s}; none when unset
     * @param at    times of day, {@code HH:mm}, e.g. the seed's morning, mid-day and evening checks
     * @param zone  time zone of {@code at}, {@code UTC} by default
     */
    public record Checkpoints(Duration every, List<String> at, String zone) {
        public Checkpoints {
            at = at == null ? List.of() : List.copyOf(at);
            zone = zone == null ? "UTC" : zone;
        }
    }

    /**
     * An interval breaching any of these opens an incident (closed when an interval no longer breaches it).
     *
     * @param errorRate     error rate above this
     * @param p95Millis     p95 latency above this
     * @param avgMillis     mean latency above this
     * @param dbQueryMillis mean DB query time above this
     * @param poolUsage     (in use + waiting) / pool size above this
     * @param poolWaiting   more clients waiting for a connection than this
     * @param cpu           CPU (fraction of one core) above this
     */
    public record Thresholds(Double errorRate, Double p95Millis, Double avgMillis, Double dbQueryMillis,
                             Double poolUsage, Integer poolWaiting, Double cpu) {
        public Thresholds {
            errorRate = errorRate == null ? 0.01 : errorRate;
            p95Millis = p95Millis == null ? 500.0 : p95Millis;
            avgMillis = avgMillis == null ? 200.0 : avgMillis;
            dbQueryMillis = dbQueryMillis == null ? 50.0 : dbQueryMillis;
            poolUsage = poolUsage == null ? 0.8 : poolUsage;
            poolWaiting = poolWaiting == null ? 0 : poolWaiting;
            cpu = cpu == null ? 0.5 : cpu;
        }
    }

    /**
     * Rollback conditions: held for a whole {@code window}, they end the run early with that reason.
     *
     * @param errorRate            error rate above this in every interval of the window
     * @param window               how long the condition must hold
     * @param dbConnectionFailures whether DB connection failures in every interval of the window stop the run
     */
    public record Abort(Double errorRate, Duration window, Boolean dbConnectionFailures) {
        public Abort {
            errorRate = errorRate == null ? 0.05 : errorRate;
            window = window == null ? Duration.ofMinutes(5) : window;
            dbConnectionFailures = dbConnectionFailures == null || dbConnectionFailures;
        }
    }
}
