package dev.greenlight.acceptance.critical;

import dev.greenlight.critical.BrowserJourney;
import dev.greenlight.critical.CriticalPath;
import dev.greenlight.critical.blog.BlogExtension;
import dev.greenlight.critical.blog.pages.DraftFormPage;
import dev.greenlight.critical.blog.pages.DraftsPage;
import dev.greenlight.critical.blog.pages.FeedPage;
import dev.greenlight.critical.blog.pages.PostPage;
import dev.greenlight.critical.blog.pages.SignupPage;
import dev.greenlight.critical.browser.Browser;
import dev.greenlight.critical.data.TestData;
import dev.greenlight.run.Criterion;
import io.qameta.allure.Feature;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

@CriticalPath
@BrowserJourney
@ExtendWith(BlogExtension.class)
@Criterion("critical-features")
@Feature("Writing and publishing (browser)")
@DisplayName("Browser journey: a new author writes, publishes and finds a post")
class AuthorJourneyTests {

    @Test
    @DisplayName("A new author signs up, writes a draft, publishes it and finds it with the search box")
    void shouldPublishADraftWrittenInTheBrowserAndFindIt(Browser browser, TestData data) {
        String email = data.email("author");
        String title = data.title("Notes from the staging soak");

        DraftsPage drafts = browser.step("Sign up as " + email, () -> SignupPage.open(browser).signUp("Browser Author", email));
        assertThat(drafts.author()).as("whose drafts the page shows after sign-up").contains(email);

        PostPage draft = browser.step("Write the draft '" + title + "'", () ->
                DraftFormPage.open(browser).create(title, "Latency stayed flat for a day.", email));
        assertThat(draft.status()).as("status of the new post %s", browser.path()).isEqualTo("Draft");
        assertThat(draft.title()).as("heading of the new post").isEqualTo(title);

        long postId = draft.postId();
        FeedPage feed = browser.step("Publish it", draft::publish);
        assertThat(feed.titleOf(postId)).as("the feed shown right after publishing post %s", postId).contains(title);

        FeedPage found = browser.step("Search the feed for '" + data.marker() + "'", () -> feed.search(data.marker()));
        assertThat(found.postIds()).as("posts the search box finds for this journey's marker").containsExactly(postId);
    }
}
