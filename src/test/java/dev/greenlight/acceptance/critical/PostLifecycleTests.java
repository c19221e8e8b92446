package dev.greenlight.acceptance.critical;

import dev.greenlight.critical.CriticalPath;
import dev.greenlight.critical.blog.BlogApi;
import dev.greenlight.critical.blog.BlogExtension;
import dev.greenlight.critical.blog.FeedQuery;
import dev.greenlight.critical.blog.NewPost;
import dev.greenlight.critical.blog.Post;
import dev.greenlight.critical.blog.User;
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
@ExtendWith(BlogExtension.class)
@Criterion("critical-features")
@Feature("Post lifecycle (API)")
@DisplayName("API journey: a post goes from draft to the feed and away")
class PostLifecycleTests {

    @Test
    @DisplayName("An author signs up with posts, writes a draft, publishes it, it is read, deleted and gone")
    void shouldTakeAPostFromDraftThroughTheFeedToDeletion(BlogApi api, TestData data) {
        String first = data.title("First steps with Prisma 7");
        String second = data.title("Migrating the schema");
        User author = step("Sign up an author with two posts", () -> api.users().signUp("Greenlight Author", data.email("author"),
                List.of(new NewPost(first, "Written at sign-up."), new NewPost(second, null))));
        assertThat(author.email()).as("email of the new user").isEqualTo(data.email("author"));

        Post draft = step("Write a draft", () -> api.posts().draft(data.title("Connection pools under load"),
                "Prisma 7 waits for a connection instead of failing.", author.email()));
        assertThat(draft.published()).as("a new post is a draft").isFalse();
        assertThat(draft.authorId()).as("author of the new draft").isEqualTo(author.id());

        step("The draft is among the author's drafts, next to the posts from sign-up", () ->
                assertThat(api.users().drafts(author.id())).extracting(Post::title).as("titles of %s's drafts", author.email())
                        .containsExactlyInAnyOrder(first, second, draft.title()));

        Post published = step("Publish the draft", () -> api.posts().publish(draft.id()));
        assertThat(published.published()).as("published flag of post %s after publishing", draft.id()).isTrue();

        step("It left the drafts and is in the feed", () -> {
            assertThat(api.users().drafts(author.id())).extracting(Post::id).as("ids of the author's drafts after publishing")
                    .doesNotContain(draft.id());
            assertThat(api.posts().feed(FeedQuery.search(draft.title()))).extracting(Post::id)
                    .as("feed posts whose title or content contains '%s'", draft.title()).containsExactly(draft.id());
        });

        step("Each view counts once", () -> {
            int before = api.posts().find(draft.id()).orElseThrow().viewCount();
            api.posts().view(draft.id());
            assertThat(api.posts().view(draft.id()).viewCount()).as("view count after two views, from %s", before).isEqualTo(before + 2);
        });

        step("Delete it", () -> api.posts().delete(draft.id()));

        step("It is gone from the API and the feed", () -> {
            assertThat(api.posts().find(draft.id())).as("GET /post/%s after deleting it", draft.id()).isEmpty();
            assertThat(api.posts().feed(FeedQuery.search(draft.title()))).as("feed search for the deleted post's title").isEmpty();
        });
    }
}
