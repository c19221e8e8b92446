package dev.greenlight.critical.blog.pages;

import dev.greenlight.critical.browser.Browser;
import dev.greenlight.critical.browser.Locator;
import dev.greenlight.critical.browser.PageNotAsExpected;

/**
 * What every page of the blog's web UI shares: arriving on a page means its landmark is visible — or, if the
 * application showed an error instead, failing at once with the error's text rather than waiting out the timeout.
 * Page objects find and do; they never assert.
 */
abstract class BlogPage {

    static final Locator ERROR = Locator.css("Error message", ".error");
    static final Locator HEADING = Locator.css("Page heading", "h1");

    final Browser browser;

    BlogPage(Browser browser, Locator landmark, String pageName) {
        this.browser = browser;
        if (!browser.awaitEither(landmark, ERROR)) {
            throw new PageNotAsExpected("expected the " + pageName + " (" + landmark.name() + ") but the application showed an error on "
                    + browser.path() + ": '" + String.join(" / ", browser.texts(HEADING)) + "' — '" + String.join(" / ", browser.texts(ERROR)) + "'"
                    + " (page title: '" + browser.title() + "')");
        }
    }
}
