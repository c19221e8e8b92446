package dev.greenlight.sample.api;

import dev.greenlight.sample.data.Post;
import dev.greenlight.sample.data.User;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON shapes as Prisma Client returns them: camelCase fields in schema order, ISO-8601 UTC with millis. */
public final class Views {

    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Views() {
    }

    public static Map<String, Object> user(User user) {
        if (user == null) {
            return null;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", user.id());
        json.put("email", user.email());
        json.put("name", user.name());
        return json;
    }

    public static List<Map<String, Object>> users(List<User> users) {
        return users.stream().map(Views::user).toList();
    }

    /** A post without its author, as {@code create}/{@code update}/{@code delete} return it. */
    public static Map<String, Object> post(Post post) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", post.id());
        json.put("createdAt", timestamp(post.createdAt()));
        json.put("updatedAt", timestamp(post.updatedAt()));
        json.put("title", post.title());
        json.put("content", post.content());
        json.put("published", post.published());
        json.put("viewCount", post.viewCount());
        json.put("authorId", post.authorId());
        return json;
    }

    /** A post with {@code include: { author: true }}. */
    public static Map<String, Object> postWithAuthor(Post post) {
        Map<String, Object> json = post(post);
        json.put("author", user(post.author()));
        return json;
    }

    public static List<Map<String, Object>> posts(List<Post> posts) {
        return posts.stream().map(Views::post).toList();
    }

    public static List<Map<String, Object>> postsWithAuthor(List<Post> posts) {
        return posts.stream().map(Views::postWithAuthor).toList();
    }

    /** {@code 2024-10-01T09:00:00.000Z}. */
    public static String timestamp(Instant instant) {
        return instant == null ? null : ISO_MILLIS.format(instant);
    }
}
