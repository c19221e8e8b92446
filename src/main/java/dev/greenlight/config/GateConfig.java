package dev.greenlight.config;

import java.time.Duration;

/**
 * How the gate treats this target's runs.
 *
 * @param minDuration replaces every criterion's minimum observation time for this target (e.g. {@code 50s} for the
 *                    embedded default, whose CI soak lasts a minute); the verdict says it was lowered. Empty keeps
 *                    the criteria file's (24 h for the soak criteria).
 */
public record GateConfig(Duration minDuration) {
}
