package dev.greenlight.critical.blog;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The feed's query parameters: {@code searchString} (title or content contains it), {@code skip}, {@code take} and
 * {@code orderBy} ({@code asc} / {@code desc} by {@code updatedAt}). Build with {@link #search(String)} and the
 * withers; unset parameters are not sent.
 *
 * @param searchString text to look for, or null
 * @param skip         rows to skip, or null
 * @param take         rows to return, or null
 * @param orderBy      {@code asc}, {@code desc} or null
 */
public record FeedQuery(String searchString, Integer skip, Integer take, String orderBy) {

    public static FeedQuery search(String text) {
        return new FeedQuery(text, null, null, null);
    }

    public FeedQuery skip(int rows) {
        return new FeedQuery(searchString, rows, take, orderBy);
    }

    public FeedQuery take(int rows) {
        return new FeedQuery(searchString, skip, rows, orderBy);
    }

    public FeedQuery oldestFirst() {
        return new FeedQuery(searchString, skip, take, "asc");
    }

    public FeedQuery newestFirst() {
        return new FeedQuery(searchString, skip, take, "desc");
    }

    /** {@code ?searchString=x&take=2}, for messages; empty without parameters. */
    String describe() {
        return parameters().isEmpty() ? "" : parameters().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("&", "?", ""));
    }

    Map<String, Object> parameters() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (searchString != null) {
            parameters.put("searchString", searchString);
        }
        if (skip != null) {
            parameters.put("skip", skip);
        }
        if (take != null) {
            parameters.put("take", take);
        }
        if (orderBy != null) {
            parameters.put("orderBy", orderBy);
        }
        return parameters;
    }
}
