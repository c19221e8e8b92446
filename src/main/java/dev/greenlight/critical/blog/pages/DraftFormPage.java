package dev.greenlight.critical.blog.pages;

import dev.greenlight.critical.browser.Browser;
import dev.greenlight.critical.browser.Locator;

/** The new-draft form ({@code /create}). */
public final class DraftFormPage extends BlogPage {

    static final Locator FORM = Locator.id("Draft form", "draft-form");
    static final Locator TITLE = Locator.css("Title field", "#draft-form input[name=title]");
    static final Locator CONTENT = Locator.css("Content field", "#draft-form textarea[name=content]");
    static final Locator AUTHOR_EMAIL = Locator.css("Author email field", "#draft-form input[name=authorEmail]");
    static final Locator SUBMIT = Locator.id("Create draft button", "draft-submit");

    DraftFormPage(Browser browser) {
        super(browser, FORM, "new-draft form");
    }

    public static DraftFormPage open(Browser browser) {
        browser.open("/create");
        return new DraftFormPage(browser);
    }

    /** Fills in and submits the form; the new draft's page opens. */
    public PostPage create(String title, String content, String authorEmail) {
        browser.type(TITLE, title);
        browser.type(CONTENT, content);
        browser.type(AUTHOR_EMAIL, authorEmail);
        browser.clickToLeave(SUBMIT);
        return new PostPage(browser);
    }
}
