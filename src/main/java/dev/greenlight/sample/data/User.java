package dev.greenlight.sample.data;

/** A row of {@code "User"} as the API returns it: {@code {id, email, name}}. */
public record User(int id, String email, String name) {
}
