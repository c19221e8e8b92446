package dev.greenlight.sample;

/** A configuration error a user can fix; the process exits with status 2 and this one message. */
public class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
