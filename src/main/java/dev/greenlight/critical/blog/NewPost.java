package dev.greenlight.critical.blog;

/**
 * A post to create with a new user at sign-up.
 *
 * @param title   title (tag it with {@code TestData.title})
 * @param content body, may be null
 */
public record NewPost(String title, String content) {
}
