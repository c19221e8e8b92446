package dev.greenlight.critical.data;

import java.time.Instant;
import java.util.Objects;

/**
 * A row of the application that may carry a run tag, as its API shows it.
 *
 * @param kind         what it is; posts are deleted before users
 * @param id           its id in the API
 * @param label        where the tag is: a user's email, a post's title
 * @param ownerEmail   for a post, its author's email (it is Greenlight's when the author is); null when unknown
 * @param lastActivity when it last changed (a post's {@code updatedAt}); null when the API does not say
 */
public record TaggedRow(Kind kind, String id, String label, String ownerEmail, Instant lastActivity) {

    /** The kinds of rows a journey creates, in the order they must be deleted. */
    public enum Kind {
        POST,
        USER
    }

    public TaggedRow {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }

    public static TaggedRow user(Object id, String email) {
        return new TaggedRow(Kind.USER, String.valueOf(id), email, null, null);
    }

    public static TaggedRow post(Object id, String title, String ownerEmail, Instant lastActivity) {
        return new TaggedRow(Kind.POST, String.valueOf(id), title, ownerEmail, lastActivity);
    }

    /** {@code post 12 "gl-… Draft about pools"}, for reports. */
    public String describe() {
        return kind.name().toLowerCase() + " " + id + " \"" + label + "\"";
    }
}
