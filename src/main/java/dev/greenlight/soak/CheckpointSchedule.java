package dev.greenlight.soak;

import dev.greenlight.soak.profile.SoakProfile;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * When the run writes its status summaries: every {@code every} from the start, and at the times of day the profile
 * names (the seed's morning, mid-day and evening checks), whichever comes first.
 */
public final class CheckpointSchedule {

    private final SoakProfile.Checkpoints checkpoints;
    private final ZoneId zone;
    private final Instant start;
    private Instant next;
    private String nextLabel;
    private int count;

    public CheckpointSchedule(SoakProfile.Checkpoints checkpoints, Instant start) {
        this.checkpoints = checkpoints;
        this.zone = ZoneId.of(checkpoints.zone());
        this.start = start;
        plan(start);
    }

    private void plan(Instant after) {
        next = null;
        nextLabel = null;
        if (checkpoints.every() != null && !checkpoints.every().isZero()) {
            long periods = Duration.between(start, after).toNanos() / checkpoints.every().toNanos() + 1;
            next = start.plus(checkpoints.every().multipliedBy(periods));
            nextLabel = "every " + dev.greenlight.config.Durations.format(checkpoints.every());
        }
        for (String time : checkpoints.at()) {
            ZonedDateTime local = after.atZone(zone);
            ZonedDateTime candidate = local.with(LocalTime.parse(time));
            if (!candidate.toInstant().isAfter(after)) {
                candidate = candidate.plusDays(1);
            }
            if (next == null || candidate.toInstant().isBefore(next)) {
                next = candidate.toInstant();
                nextLabel = label(LocalTime.parse(time)) + " check " + time + " " + zone;
            }
        }
    }

    /** The seed's names for the daily checks. */
    static String label(LocalTime time) {
        if (time.getHour() < 12) {
            return "morning";
        }
        return time.getHour() < 16 ? "mid-day" : "evening";
    }

    /** The label of the checkpoint due at {@code now}, if one is, and plans the next. */
    public Optional<String> due(Instant now) {
        if (next == null || now.isBefore(next)) {
            return Optional.empty();
        }
        String label = nextLabel;
        count++;
        plan(now);
        return Optional.of(label);
    }

    public int count() {
        return count;
    }

    public Optional<Instant> next() {
        return Optional.ofNullable(next);
    }
}
