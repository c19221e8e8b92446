package dev.greenlight.critical.blog.pages;

import dev.greenlight.critical.browser.Browser;
import dev.greenlight.critical.browser.Locator;

/** One post ({@code /p/<id>}): its status, and Publish for drafts. */
public final class PostPage extends BlogPage {

    static final Locator POST = Locator.css("Post", "article#post[data-post-id]");
    static final Locator STATUS = Locator.id("Post status", "post-status");
    static final Locator PUBLISH = Locator.id("Publish button", "publish-button");

    PostPage(Browser browser) {
        super(browser, STATUS, "post page");
    }

    public static PostPage open(Browser browser, long postId) {
        browser.open("/p/" + postId);
        return new PostPage(browser);
    }

    /** {@code Draft} or {@code Published}. */
    public String status() {
        return browser.await(STATUS).getText();
    }

    public long postId() {
        return Long.parseLong(browser.attributes(POST, "data-post-id").get(0));
    }

    /** The title, shown as the page heading. */
    public String title() {
        return browser.await(HEADING).getText();
    }

    /** Publishes the draft; the application then shows the feed. */
    public FeedPage publish() {
        browser.clickToLeave(PUBLISH);
        return new FeedPage(browser);
    }
}
