package dev.greenlight.config;

import java.time.Duration;

/**
 * How data the run creates on staging is tagged and removed. Every email and title a run creates carries
 * {@code <tagPrefix>-<runId>}; the run removes its own rows at its end, and sweeps rows left behind by earlier,
 * interrupted runs at its start.
 *
 * @param tagPrefix      prefix of the run tag put in every email and title Greenlight creates
 * @param deleteUserPath API path that deletes a user, {@code {id}} standing for its id; without it, users
 *                       created by a run are reported as leftovers
 * @param emailDomain    domain of the email addresses Greenlight signs up; a reserved domain ({@code .test})
 *                       so no real person can own one, and the sweep only ever touches addresses in it
 * @param sweepAfter     leftovers of another run are swept only once that run has been quiet this long (its
 *                       run id's start time and its rows' last update both older), so a run still in progress
 *                       elsewhere — a soak — keeps its data
 * @param sweepLimit     the most rows one sweep deletes; the rest wait for the next run; 0 turns the sweep off
 */
public record TestDataConfig(String tagPrefix, String deleteUserPath, String emailDomain, Duration sweepAfter, Integer sweepLimit) {

    public TestDataConfig {
        tagPrefix = tagPrefix == null ? "gl" : tagPrefix;
        if (!tagPrefix.matches("[A-Za-z][A-Za-z0-9]{0,15}")) {
            throw new IllegalArgumentException("tagPrefix must be 1-16 letters or digits starting with a letter, got '" + tagPrefix + "'");
        }
        emailDomain = emailDomain == null ? "greenlight.test" : emailDomain;
        if (!emailDomain.matches("[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+")) {
            throw new IllegalArgumentException("emailDomain must be a domain name like greenlight.test, got '" + emailDomain + "'");
        }
        sweepAfter = sweepAfter == null ? Duration.ofMinutes(30) : sweepAfter;
        if (sweepAfter.isNegative()) {
            throw new IllegalArgumentException("sweepAfter must not be negative, got " + Durations.format(sweepAfter));
        }
        sweepLimit = sweepLimit == null ? 200 : sweepLimit;
        if (sweepLimit < 0) {
            throw new IllegalArgumentException("sweepLimit must be 0 (no sweep) or more, got " + sweepLimit);
        }
    }
}
