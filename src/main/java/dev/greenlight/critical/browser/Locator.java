package dev.greenlight.critical.browser;

import org.openqa.selenium.By;

/**
 * An element of a page with a human name, so reports and failures say "Publish button", not a CSS selector.
 * Page objects keep their locators as constants of this type; nothing else knows the markup.
 *
 * @param name what a person would call it
 * @param by   how Selenium finds it
 */
public record Locator(String name, By by) {

    public static Locator css(String name, String selector) {
        return new Locator(name, By.cssSelector(selector));
    }

    public static Locator id(String name, String id) {
        return new Locator(name, By.id(id));
    }

    /** {@code Publish button (By.id: publish-button)}. */
    @Override
    public String toString() {
        return name + " (" + by + ")";
    }
}
