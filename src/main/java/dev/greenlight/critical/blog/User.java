package dev.greenlight.critical.blog;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A user as the API returns it ({@code id, email, name}).
 *
 * @param id    the user's id
 * @param email unique email
 * @param name  display name, may be null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record User(long id, String email, String name) {
}
