package dev.greenlight.acceptance.critical;

import dev.greenlight.critical.BrowserJourney;
import dev.greenlight.critical.CriticalPath;
import dev.greenlight.critical.blog.BlogApi;
import dev.greenlight.critical.blog.BlogExtension;
import dev.greenlight.critical.blog.Post;
import dev.greenlight.critical.blog.User;
import dev.greenlight.critical.blog.pages.FeedPage;
import dev.greenlight.critical.browser.Browser;
import dev.greenlight.critical.data.TestData;
import dev.greenlight.run.Criterion;
import io.qameta.allure.Feature;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static io.qameta.allure.Allure.step;
import static org.assertj.core.api.Assertions.assertThat;

@CriticalPath
@BrowserJourney
@ExtendWith(BlogExtension.class)
@Criterion("critical-features")
@Feature("Reading the feed (browser)")
@DisplayName("Browser journey: the feed shows what was just published")
class FeedPageTests {

    @Test
    @DisplayName("A post published a moment ago is on the feed page, with its title")
    void shouldRenderANewlyPublishedPost(BlogApi api, TestData data, Browser browser) {
        Post post = step("Publish a post through the API", () -> {
            User author = api.users().signUp("Feed Author", data.email("author"), List.of());
            return api.posts().publish(api.posts().draft(data.title("Fresh on the feed"), "Just published.", author.email()).id());
        });

        FeedPage feed = browser.step("Open the feed", () -> FeedPage.open(browser));

        assertThat(feed.titleOf(post.id())).as("title shown on the feed for post %s, published a moment ago", post.id())
                .contains(post.title());
    }
}
