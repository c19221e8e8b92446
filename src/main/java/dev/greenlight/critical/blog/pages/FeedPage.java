package dev.greenlight.critical.blog.pages;

import dev.greenlight.critical.browser.Browser;
import dev.greenlight.critical.browser.Locator;

import java.util.List;
import java.util.Optional;

/** The public feed ({@code /}): published posts, newest first, and the search box. */
public final class FeedPage extends BlogPage {

    static final Locator SEARCH_FORM = Locator.id("Search form", "search-form");
    static final Locator SEARCH_BOX = Locator.id("Search box", "search-input");
    static final Locator SEARCH_BUTTON = Locator.id("Search button", "search-submit");
    static final Locator POSTS = Locator.css("Post in the feed", "article.post[data-post-id]");
    static final Locator POST_TITLES = Locator.css("Post title", "article.post[data-post-id] h2.post-title");

    FeedPage(Browser browser) {
        super(browser, SEARCH_FORM, "feed");
    }

    public static FeedPage open(Browser browser) {
        browser.open("/");
        return new FeedPage(browser);
    }

    /** Types into the search box and submits; the feed comes back filtered. */
    public FeedPage search(String text) {
        browser.type(SEARCH_BOX, text);
        browser.clickToLeave(SEARCH_BUTTON);
        return new FeedPage(browser);
    }

    /** Titles of the posts shown, top to bottom. */
    public List<String> titles() {
        return browser.texts(POST_TITLES);
    }

    /** Ids of the posts shown, top to bottom. */
    public List<Long> postIds() {
        return browser.attributes(POSTS, "data-post-id").stream().map(Long::valueOf).toList();
    }

    /** The title shown for a post, if the post is shown. */
    public Optional<String> titleOf(long postId) {
        List<Long> ids = postIds();
        List<String> titles = titles();
        int at = ids.indexOf(postId);
        return at < 0 || at >= titles.size() ? Optional.empty() : Optional.of(titles.get(at));
    }
}
