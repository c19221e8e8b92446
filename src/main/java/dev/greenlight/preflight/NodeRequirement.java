package dev.greenlight.preflight;

import com.fasterxml.jackson.databind.JsonNode;
import org.semver4j.Range;
import org.semver4j.RangesList;
import org.semver4j.RangesListFactory;
import org.semver4j.Semver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The Node.js version a project pins — {@code engines.node} in package.json, else {@code .nvmrc}, else
 * {@code .node-version}, else {@code volta.node} — and the lowest release it allows. Prisma 7 needs Node.js 20.19 or
 * later; a pin that still allows an older one lets a machine run the upgrade on a Node.js it does not support.
 *
 * @param source where the pin was found, e.g. {@code package.json engines.node}
 * @param spec   what it says, e.g. {@code >=20.19}
 * @param lowest the lowest version it allows, or null when it cannot be read as a version or range
 */
public record NodeRequirement(String source, String spec, Semver lowest) {

    /** The project's pin, if it has one. */
    public static Optional<NodeRequirement> of(Path project, JsonNode packageJson) {
        String engines = packageJson.path("engines").path("node").asText(null);
        if (engines != null) {
            return Optional.of(parse("package.json engines.node", engines));
        }
        for (String file : List.of(".nvmrc", ".node-version")) {
            Path path = project.resolve(file);
            if (Files.isRegularFile(path)) {
                try {
                    return Optional.of(parse(file, Files.readString(path).strip()));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + path, e);
                }
            }
        }
        String volta = packageJson.path("volta").path("node").asText(null);
        return Optional.ofNullable(volta).map(spec -> parse("package.json volta.node", spec));
    }

    /** Reads {@code spec} (a version like {@code v20.19.0} or {@code 20}, or an npm range) and finds its lowest version. */
    static NodeRequirement parse(String source, String spec) {
        String cleaned = spec.strip().replaceFirst("^v(?=\\d)", "");
        try {
            RangesList ranges = RangesListFactory.create(cleaned);
            Semver lowest = null;
            if (ranges.get().isEmpty()) {
                return new NodeRequirement(source, spec, null);
            }
            for (List<Range> alternative : ranges.get()) {
                Semver bound = Semver.ZERO;
                for (Range range : alternative) {
                    // semver4j shows a range's operator only in its text: >=, >, = (or <, <=, which bound nothing below)
                    boolean lowerBound = range.toString().startsWith(">") || range.toString().startsWith("=");
                    if (lowerBound && range.getRangeVersion().isGreaterThan(bound)) {
                        bound = range.getRangeVersion();
                    }
                }
                lowest = lowest == null || bound.isLowerThan(lowest) ? bound : lowest;
            }
            return new NodeRequirement(source, spec, lowest);
        } catch (IllegalArgumentException e) { // SemverException is one
            return new NodeRequirement(source, spec, null);
        }
    }

    /** Why this pin does not meet {@code minimum}; empty when it does. */
    public Optional<String> shortOf(String minimum) {
        Semver required = Semver.coerce(minimum);
        if (lowest == null) {
            return Optional.of(source + " is \"" + spec + "\", which is not a version or range Greenlight can read: pin Node.js "
                    + required + " or later");
        }
        if (lowest.isLowerThan(required)) {
            return Optional.of(source + " is \"" + spec + "\", which allows Node.js " + lowest + "; Prisma 7 needs " + required + " or later");
        }
        return Optional.empty();
    }
}
