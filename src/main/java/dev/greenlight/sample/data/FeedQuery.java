package dev.greenlight.sample.data;

import java.util.Optional;

/**
 * The Express example's feed filter.
 *
 * @param searchString matched against title or content (case-sensitive contains); empty means no filter
 * @param skip         rows to skip, 0 for none
 * @param take         rows to return, empty for all
 * @param orderBy      {@code asc} / {@code desc} by updatedAt, or empty for id order
 */
public record FeedQuery(String searchString, int skip, Optional<Integer> take, Optional<String> orderBy) {

    /** Every published post, in id order. */
    public static FeedQuery all() {
        return new FeedQuery("", 0, Optional.empty(), Optional.empty());
    }

    /** The web feed: newest first, optionally searched. */
    public static FeedQuery newestFirst(String searchString) {
        return new FeedQuery(searchString == null ? "" : searchString, 0, Optional.empty(), Optional.of("desc"));
    }
}
