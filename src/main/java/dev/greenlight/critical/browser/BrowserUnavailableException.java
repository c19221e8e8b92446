package dev.greenlight.critical.browser;

import dev.greenlight.run.HarnessTrouble;

/**
 * No browser could be started for the browser journeys: the harness's trouble, not the application's, so the journeys
 * end as not run (HOLD) with the reason and the setting to fix.
 */
public final class BrowserUnavailableException extends RuntimeException implements HarnessTrouble {

    private static final long serialVersionUID = 1L;

    private final String reason;
    private final String fix;

    public BrowserUnavailableException(String reason, String fix) {
        this(reason, fix, null);
    }

    public BrowserUnavailableException(String reason, String fix, Throwable cause) {
        super(reason + ". Fix: " + fix, cause);
        this.reason = reason;
        this.fix = fix;
    }

    @Override
    public String reason() {
        return reason;
    }

    @Override
    public String fix() {
        return fix;
    }
}
