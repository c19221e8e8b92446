package dev.greenlight.critical.blog.pages;

import dev.greenlight.critical.browser.Browser;
import dev.greenlight.critical.browser.Locator;

/** The sign-up form ({@code /signup}). */
public final class SignupPage extends BlogPage {

    static final Locator FORM = Locator.id("Sign-up form", "signup-form");
    static final Locator NAME = Locator.css("Name field", "#signup-form input[name=name]");
    static final Locator EMAIL = Locator.css("Email field", "#signup-form input[name=email]");
    static final Locator SUBMIT = Locator.id("Sign-up button", "signup-submit");

    SignupPage(Browser browser) {
        super(browser, FORM, "sign-up form");
    }

    public static SignupPage open(Browser browser) {
        browser.open("/signup");
        return new SignupPage(browser);
    }

    /** Fills in and submits the form; a new user lands on their (empty) drafts. */
    public DraftsPage signUp(String name, String email) {
        browser.type(NAME, name);
        browser.type(EMAIL, email);
        browser.clickToLeave(SUBMIT);
        return new DraftsPage(browser);
    }
}
