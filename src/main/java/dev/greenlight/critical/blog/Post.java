package dev.greenlight.critical.blog;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;

/**
 * A post as the API returns it; {@code author} only where the API includes it (feed, single post).
 *
 * @param id        the post's id
 * @param createdAt when it was created
 * @param updatedAt when it last changed (publishing and views change it)
 * @param title     title
 * @param content   body, may be null
 * @param published whether it is in the feed
 * @param viewCount how often it was viewed
 * @param authorId  its author's id, may be null
 * @param author    its author, where included
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Post(long id, Instant createdAt, Instant updatedAt, String title, String content, boolean published,
                   int viewCount, Long authorId, User author) {
}
