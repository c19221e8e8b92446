package dev.greenlight.config;

/**
 * The soak run against this target.
 *
 * @param profile  the profile in {@code suites/soak.yaml}, {@code ci} by default
 * @param baseline the baseline the run is compared with: {@code alongside} drives the baseline deployment
 *                 ({@code baseline.*}; the {@code local} target starts {@code app.version.baseline} beside the candidate)
 *                 with the same schedule at the same time — a time-matched comparison; the name of a saved one under
 *                 {@code reports/baselines/} (e.g. {@code prisma-6.19.0}) compares with a historical run, its interval
 *                 widened by {@code historicalSpread}; unset or {@code none}, the run is not compared
 * @param memory   which memory series judges leaks: {@code heap} (the live-heap metric, {@code metrics.names.heapUsed},
 *                 by default) or {@code resident} (resident set size)
 * @param historicalSpread how far two healthy runs minutes apart differ in mean latency on a busy machine (a fraction, e.g.
 *                 {@code 0.15} for 15 %): a comparison with a saved baseline cannot tell a change smaller than that from
 *                 the time it was measured at, so its interval is widened by it (docs/soak.md says how it was measured)
 */
public record SoakConfig(String profile, String baseline, String memory, Double historicalSpread) {

    /** The {@code baseline} value that drives the baseline deployment alongside the candidate, at the same time. */
    public static final String ALONGSIDE = "alongside";

    /** The default {@code historicalSpread}: see docs/soak.md, "Time-matched and historical baselines". */
    public static final double DEFAULT_HISTORICAL_SPREAD = 0.15;

    /** The {@code baseline} value that compares the run with nothing (overrides a target file's baseline). */
    public static final String NONE = "none";

    /** Defaults for the fields added later; keeps older call sites compiling. */
    public SoakConfig(String profile, String baseline) {
        this(profile, baseline, null, null);
    }

    public SoakConfig {
        profile = profile == null ? "ci" : profile;
        historicalSpread = historicalSpread == null ? DEFAULT_HISTORICAL_SPREAD : historicalSpread;
        if (historicalSpread < 0 || historicalSpread >= 1) {
            throw new IllegalArgumentException("soak.historicalSpread must be a fraction from 0 to below 1 (0.15 for 15 %), got " + historicalSpread);
        }
        if ("measure".equals(baseline)) {
            throw new IllegalArgumentException("soak.baseline 'measure' was replaced by 'alongside', which runs the baseline at the same time");
        }
        memory = memory == null ? "heap" : memory;
        if (!memory.equals("heap") && !memory.equals("resident")) {
            throw new IllegalArgumentException("soak.memory must be heap or resident, got '" + memory + "'");
        }
    }
}
