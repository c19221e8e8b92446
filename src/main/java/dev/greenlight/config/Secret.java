package dev.greenlight.config;

import java.util.Objects;

/**
 * A value that must never reach a log, a report or an attachment: a password, a token. {@link #toString()}
 * is masked; call {@link #reveal()} only where the value is handed to the system that needs it.
 */
public final class Secret {

    /** What every secret looks like in output. */
    public static final String MASK = "******";

    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    public static Secret of(String value) {
        return new Secret(value);
    }

    public String reveal() {
        return value;
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    @Override
    public String toString() {
        return MASK;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret secret && secret.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
