package dev.greenlight.config;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where settings come from, in precedence order: a property (a JUnit configuration parameter or a system
 * property, {@code greenlight.app.baseUrl}) before an environment variable ({@code GREENLIGHT_APP_BASE_URL}).
 * Tests hand in their own maps instead of touching the JVM's.
 */
public final class Settings {

    private final Function<String, Optional<String>> properties;
    private final Map<String, String> environment;

    public Settings(Function<String, Optional<String>> properties, Map<String, String> environment) {
        this.properties = properties;
        this.environment = Map.copyOf(environment);
    }

    /** This JVM's system properties and environment. */
    public static Settings fromSystem() {
        return new Settings(key -> Optional.ofNullable(System.getProperty(key)), System.getenv());
    }

    /** Only the given properties and environment; nothing leaks in from the JVM. */
    public static Settings of(Map<String, String> properties, Map<String, String> environment) {
        Map<String, String> copy = Map.copyOf(properties);
        return new Settings(key -> Optional.ofNullable(copy.get(key)), environment);
    }

    /** A property by its dotted name, e.g. {@code greenlight.target}; blank counts as absent. */
    public Optional<String> property(String key) {
        return properties.apply(key).filter(value -> !value.isBlank());
    }

    /** An environment variable; blank counts as absent. */
    public Optional<String> env(String name) {
        return Optional.ofNullable(environment.get(name)).filter(value -> !value.isBlank());
    }

    /** The environment variable, exactly as set (may be blank). */
    public Optional<String> envExact(String name) {
        return Optional.ofNullable(environment.get(name));
    }

    /** {@code greenlight.app.baseUrl} → property, else {@code GREENLIGHT_APP_BASE_URL}. */
    public Optional<String> lookup(String dottedKey) {
        return property(dottedKey).or(() -> env(envName(dottedKey)));
    }

    /** Where {@link #lookup(String)} found the key, for the effective-config dump. */
    public Optional<String> sourceOf(String dottedKey) {
        if (property(dottedKey).isPresent()) {
            return Optional.of("property " + dottedKey);
        }
        if (env(envName(dottedKey)).isPresent()) {
            return Optional.of("environment " + envName(dottedKey));
        }
        return Optional.empty();
    }

    /** {@code greenlight.app.baseUrl} → {@code GREENLIGHT_APP_BASE_URL}. */
    public static String envName(String dottedKey) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < dottedKey.length(); i++) {
            char c = dottedKey.charAt(i);
            if (c == '.' || c == '-') {
                out.append('_');
            } else if (Character.isUpperCase(c)) {
                out.append('_').append(c);
            } else {
                out.append(Character.toUpperCase(c));
            }
        }
        return out.toString();
    }
}
