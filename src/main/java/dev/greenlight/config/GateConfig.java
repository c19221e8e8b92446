package dev.greenlight.config;

import java.time.Duration;
import java.util.Map;

/**
 * How the gate treats this target's runs. Whatever is set here is stated in the verdict next to what the criteria
 * file asks, so a reviewer sees that this target is judged differently.
 *
 * @param minDuration replaces every criterion's minimum observation time for this target (e.g. {@code 50s} for the
 *                    embedded default, whose CI soak lasts a minute). Empty keeps the criteria file's (24 h).
 * @param lines       a criterion's lines for this target, by criterion id, e.g. {@code memory: {go: "< 200MB/h",
 *                    noGo: "> 200MB/h"}}: a one-minute soak cannot resolve the file's 5 MB/h
 */
public record GateConfig(Duration minDuration, Map<String, Lines> lines) {

    public GateConfig {
        lines = lines == null ? Map.of() : Map.copyOf(lines);
    }

    public GateConfig(Duration minDuration) {
        this(minDuration, null);
    }

    /**
     * A criterion's lines, written as in the criteria file ({@code "< 1%"}); an absent one keeps the file's.
     *
     * @param go       the GO line
     * @param noGo     the NO-GO line
     * @param rollback the ROLLBACK line
     */
    public record Lines(String go, String noGo, String rollback) {
    }
}
