package dev.greenlight.config;

/**
 * How data the run creates on staging is tagged and removed.
 *
 * @param tagPrefix      prefix of the run tag put in every email and title Greenlight creates
 * @param deleteUserPath API path that deletes a user, {@code {id}} standing for its id; without it, users
 *                       created by a run are reported as leftovers
 */
public record TestDataConfig(String tagPrefix, String deleteUserPath) {

    public TestDataConfig {
        tagPrefix = tagPrefix == null ? "gl" : tagPrefix;
    }
}
