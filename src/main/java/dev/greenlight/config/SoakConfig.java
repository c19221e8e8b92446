package dev.greenlight.config;

/**
 * The soak run against this target.
 *
 * @param profile  the profile in {@code suites/soak.yaml}, {@code ci} by default
 * @param baseline the baseline the run is compared with: the name of a saved one under {@code reports/baselines/}
 *                 (e.g. {@code prisma-6.19.0}), or {@code measure} to measure it first on this target by running the
 *                 same profile against {@code app.version.baseline} (only a {@code local} target can switch
 *                 versions); unset, the run is not compared
 * @param memory   which memory series judges leaks: {@code heap} (the live-heap metric, {@code metrics.names.heapUsed},
 *                 by default) or {@code resident} (resident set size)
 */
public record SoakConfig(String profile, String baseline, String memory) {

    /** The {@code baseline} value that measures the baseline on the target itself. */
    public static final String MEASURE = "measure";

    /** Defaults for the fields added later; keeps older call sites compiling. */
    public SoakConfig(String profile, String baseline) {
        this(profile, baseline, null);
    }

    public SoakConfig {
        profile = profile == null ? "ci" : profile;
        memory = memory == null ? "heap" : memory;
        if (!memory.equals("heap") && !memory.equals("resident")) {
            throw new IllegalArgumentException("soak.memory must be heap or resident, got '" + memory + "'");
        }
    }
}
