package dev.greenlight.critical.browser;

/** No browser could be started for the browser journeys; the message names the setting to fix. */
public final class BrowserUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BrowserUnavailableException(String message) {
        super(message);
    }

    public BrowserUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
