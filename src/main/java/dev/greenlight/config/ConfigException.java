package dev.greenlight.config;

/**
 * Configuration a user got wrong. The message alone tells them what to fix: the file, the key and what was
 * expected. It is reported without a stack trace.
 */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }

    /** {@code file: key 'a.b': expectation}. */
    public static ConfigException at(String file, String key, String expectation) {
        return new ConfigException(file + ": key '" + key + "': " + expectation);
    }
}
