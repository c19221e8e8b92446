package dev.greenlight.critical.blog.pages;

import dev.greenlight.critical.browser.Browser;
import dev.greenlight.critical.browser.Locator;

import java.util.List;

/** An author's drafts ({@code /drafts?author=<email>}), where sign-up leads. */
public final class DraftsPage extends BlogPage {

    static final Locator AUTHOR = Locator.id("Drafts author line", "drafts-author");
    static final Locator FLASH = Locator.id("Confirmation message", "flash");
    static final Locator DRAFT_TITLES = Locator.css("Draft title", "article.post[data-post-id] h2.post-title");

    DraftsPage(Browser browser) {
        super(browser, AUTHOR, "author's drafts");
    }

    /** The line naming whose drafts these are. */
    public String author() {
        return browser.await(AUTHOR).getText();
    }

    /** The confirmation shown after an action, or empty. */
    public String confirmation() {
        return String.join(" ", browser.texts(FLASH));
    }

    public List<String> titles() {
        return browser.texts(DRAFT_TITLES);
    }
}
