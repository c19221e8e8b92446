package dev.greenlight.sample.data;

import java.time.Instant;

/** A row of {@code "Post"}; {@code author} is filled only where the query includes it. */
public record Post(int id, Instant createdAt, Instant updatedAt, String title, String content, boolean published,
        int viewCount, Integer authorId, User author) {
}
