package dev.greenlight.smoke;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds which version a log says started, from a pattern such as {@code "Prisma Client {version}"}: the
 * <em>last</em> matching line wins, because a log read from a file or {@code kubectl logs} often still holds the
 * start-up lines of the version that ran before.
 */
public final class VersionLine {

    private final Pattern pattern;

    public VersionLine(String logPattern) {
        int at = logPattern.indexOf("{version}");
        if (at < 0) {
            throw new IllegalArgumentException("app.version.logPattern must contain {version}, got '" + logPattern + "'");
        }
        String before = logPattern.substring(0, at);
        String after = logPattern.substring(at + "{version}".length());
        this.pattern = Pattern.compile(Pattern.quote(before) + "([0-9A-Za-z][0-9A-Za-z.+_-]*)" + (after.isEmpty() ? "" : Pattern.quote(after)));
    }

    /** The version and the line it was read from. */
    public record Found(String version, String line) {
    }

    /** The most recent line matching the pattern, if any. */
    public Optional<Found> latest(List<String> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            Matcher matcher = pattern.matcher(lines.get(i));
            if (matcher.find()) {
                return Optional.of(new Found(matcher.group(1), lines.get(i)));
            }
        }
        return Optional.empty();
    }
}
