package dev.greenlight.probes;

import dev.greenlight.config.ProbesConfig;
import dev.greenlight.db.ReadOnlyDatabase;
import io.restassured.path.json.JsonPath;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A known instant written through the API and read back twice: through the API, and through SQL as the column's text in
 * a UTC session (a {@code timestamp} column without a zone holds UTC, as Prisma keeps DateTime). All three must agree: a
 * driver adapter that sends a Date without its offset to a session not in UTC (prisma/prisma #28629) stores another
 * instant, and the API's own round trip can still look right, since its read strips the offset the same way.
 */
public final class TimeZoneRoundTrip {

    private static final DateTimeFormatter SQL_TEXT = new DateTimeFormatterBuilder().appendPattern("yyyy-MM-dd HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalStart().appendOffset("+HH:mm", "+00").optionalEnd().toFormatter();

    /**
     * What the probe saw.
     *
     * @param written  the instant written (or, for an instant the application sets itself, the request's start)
     * @param window   how far the written instant may be off: the request's duration when the application set it, else 0
     * @param answered what the write's answer said
     * @param readBack what the API's read-back said, or null without a read request
     * @param column   the column's text, read in UTC
     * @param stored   the column as an instant
     * @param id       the row's id
     */
    public record Outcome(Instant written, Duration window, Instant answered, Instant readBack, String column, Instant stored, String id) {

        /** Every disagreement, in words; empty when the instant came back unchanged everywhere. */
        public List<String> disagreements() {
            List<String> found = new ArrayList<>();
            if (!near(answered, written, window)) {
                found.add("the write answered " + answered + " for the instant " + written + " it wrote");
            }
            if (readBack != null && !readBack.equals(answered)) {
                found.add("the API reads back " + readBack + ", not the " + answered + " its write answered");
            }
            if (!stored.equals(answered)) {
                found.add("the column holds " + column + " (" + stored + " in UTC), not the " + answered + " the API answered: off by "
                        + Duration.between(answered, stored));
            }
            return found;
        }

        private static boolean near(Instant a, Instant b, Duration window) {
            return Duration.between(a, b).abs().compareTo(window.plusMillis(1)) <= 0;
        }
    }

    private TimeZoneRoundTrip() {
    }

    /** Writes, reads back through the API and through SQL, and removes the row again (whatever happened). */
    public static Outcome run(ProbesConfig.TimeZone probe, ProbeHttp http, ReadOnlyDatabase database, Duration timeout)
            throws IOException, InterruptedException {
        boolean ownInstant = probe.write().body() != null && probe.write().body().contains("{instant}");
        Instant known = Instant.parse("2025-06-15T12:34:56.789Z");
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        HttpResponse<String> written = http.with("{instant}", known.toString()).send(probe.write(), timeout);
        Instant after = Instant.now();
        if (written.statusCode() / 100 != 2) {
            throw new IllegalStateException("the time-zone probe's write " + http.describe(probe.write()) + " answered " + written.statusCode()
                    + ": " + http.masker().mask(written.body()) + " (check probes.timeZone.write in the target file)");
        }
        JsonPath answer = JsonPath.from(written.body());
        String id = answer.getString(probe.id());
        ProbeHttp withId = http.with("{id}", id);
        try {
            Instant answered = Instant.parse(answer.getString(probe.field()));
            Instant readBack = null;
            if (probe.read() != null) {
                HttpResponse<String> read = withId.send(probe.read(), timeout);
                readBack = Instant.parse(JsonPath.from(read.body()).getString(probe.field()));
            }
            String column = column(database, probe, id);
            return new Outcome(ownInstant ? known : before, ownInstant ? Duration.ZERO : Duration.between(before, after).plusSeconds(1),
                    answered, readBack, column, parse(column), id);
        } finally {
            if (probe.cleanup() != null) {
                withId.send(probe.cleanup(), timeout);
            }
        }
    }

    private static String column(ReadOnlyDatabase database, ProbesConfig.TimeZone probe, String id) {
        String sql = "SELECT " + quote(probe.column()) + "::text FROM " + quote(probe.table()) + " WHERE " + quote(probe.key()) + "::text = ?";
        return database.read("reading " + probe.table() + "." + probe.column() + " as text", connection -> {
            try (java.sql.Statement zone = connection.createStatement()) {
                zone.execute("SET TIME ZONE 'UTC'");
            }
            try (java.sql.PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setString(1, id);
                try (java.sql.ResultSet row = statement.executeQuery()) {
                    if (!row.next()) {
                        throw new IllegalStateException("no row of " + probe.table() + " with " + probe.key() + " = " + id
                                + ": check probes.timeZone.table, .key and .id in the target file");
                    }
                    return row.getString(1);
                }
            }
        });
    }

    /** {@code 2025-06-15 12:34:56.789} (UTC) or {@code 2025-06-15 12:34:56.789+00}. */
    static Instant parse(String text) {
        var parsed = SQL_TEXT.parseBest(text.strip(), OffsetDateTime::from, LocalDateTime::from);
        return parsed instanceof OffsetDateTime offset ? offset.toInstant() : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
