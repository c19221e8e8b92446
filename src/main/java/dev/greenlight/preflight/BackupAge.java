package dev.greenlight.preflight;

import dev.greenlight.config.Durations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * How old the newest backup is: a file's modification time (a directory's newest file), or the newest ISO-8601 time in
 * the output of a command that lists backups (a time without an offset is read as UTC).
 *
 * @param what   what was found, for the report: the file, or the line of the listing
 * @param taken  when the backup was taken
 */
public record BackupAge(String what, Instant taken) {

    private static final Pattern TIME = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?(?:Z|[+-]\\d{2}:?\\d{2})?");

    /** The newest backup at {@code path}: the file itself, or the newest regular file in the directory. */
    public static Optional<BackupAge> ofFile(Path path) {
        try {
            if (Files.isRegularFile(path)) {
                return Optional.of(new BackupAge(path.toString(), Files.getLastModifiedTime(path).toInstant()));
            }
            if (!Files.isDirectory(path)) {
                return Optional.empty();
            }
            try (Stream<Path> files = Files.list(path)) {
                return files.filter(Files::isRegularFile).map(file -> {
                    try {
                        return new BackupAge(file.toString(), Files.getLastModifiedTime(file).toInstant());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }).max(Comparator.comparing(BackupAge::taken));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /** The newest time in a listing, with its line. */
    public static Optional<BackupAge> ofListing(String output) {
        BackupAge newest = null;
        for (String line : output.split("\n")) {
            Matcher matcher = TIME.matcher(line);
            while (matcher.find()) {
                Optional<Instant> at = instant(matcher.group());
                if (at.isPresent() && (newest == null || at.get().isAfter(newest.taken()))) {
                    newest = new BackupAge(line.strip(), at.get());
                }
            }
        }
        return Optional.ofNullable(newest);
    }

    private static Optional<Instant> instant(String text) {
        String iso = text.replace(' ', 'T').replaceFirst("([+-]\\d{2})(\\d{2})$", "$1:$2");
        try {
            return Optional.of(OffsetDateTime.parse(iso).toInstant());
        } catch (DateTimeParseException offsetMissing) {
            try {
                return Optional.of(LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
    }

    /** The newest backup {@code backup} points at: its file, or the newest time its command lists. */
    public static Optional<BackupAge> find(dev.greenlight.config.PreflightConfig.Backup backup, dev.greenlight.config.Masker masker) {
        if (backup.file() != null) {
            return ofFile(Path.of(backup.file()));
        }
        dev.greenlight.rollback.StepResult listed = new dev.greenlight.rollback.StepRunner(masker, Duration.ofMinutes(2), java.util.Map.of())
                .run(new dev.greenlight.config.RollbackConfig.Step("list backups", backup.command(), null, null));
        if (listed.notStarted()) {
            throw dev.greenlight.run.NotRun.because("the backup listing command could not start: " + listed.problem(),
                    "install " + backup.command().get(0) + " on the machine running Greenlight, or set preflight.backup.file");
        }
        if (!listed.ok()) {
            throw dev.greenlight.run.NotRun.because("the backup listing command failed: " + listed.summary() + " " + listed.output().strip(),
                    "check preflight.backup.command (and its credentials) by running it by hand");
        }
        return ofListing(listed.output());
    }

    /** Where {@code backup} looks, for messages. */
    public static String where(dev.greenlight.config.PreflightConfig.Backup backup) {
        return backup.file() != null ? backup.file() : "the output of " + String.join(" ", backup.command());
    }

    /** How old it is now. */
    public Duration age(Clock clock) {
        return Duration.between(taken, clock.instant());
    }

    /** {@code backup.dump, taken 2026-12-04T21:00:00Z, 3h ago}. */
    public String describe(Clock clock) {
        return what + ", taken " + taken + ", " + Durations.format(age(clock)) + " ago";
    }
}
