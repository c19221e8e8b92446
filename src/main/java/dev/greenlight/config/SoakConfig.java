package dev.greenlight.config;

/**
 * The soak run against this target.
 *
 * @param profile the profile in {@code suites/soak.yaml}, {@code ci} by default
 * @param baseline the saved baseline under {@code reports/baselines/} the run is compared with
 */
public record SoakConfig(String profile, String baseline) {

    public SoakConfig {
        profile = profile == null ? "ci" : profile;
    }
}
