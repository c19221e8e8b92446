package dev.greenlight.critical.browser;

import org.opentest4j.AssertionFailedError;

/**
 * The application did not show what a journey step needs within {@code browser.waitTimeout}, or showed an error
 * page instead: a failure of the application as a user would meet it. The screenshot is attached to the step.
 */
public final class PageNotAsExpected extends AssertionFailedError {

    private static final long serialVersionUID = 1L;

    public PageNotAsExpected(String message) {
        super(message);
    }
}
