package dev.greenlight.acceptance.critical;

import dev.greenlight.critical.CriticalPath;
import dev.greenlight.critical.blog.BlogApi;
import dev.greenlight.critical.blog.BlogExtension;
import dev.greenlight.critical.blog.FeedQuery;
import dev.greenlight.critical.blog.Post;
import dev.greenlight.critical.blog.User;
import dev.greenlight.critical.data.TestData;
import dev.greenlight.run.Criterion;
import io.qameta.allure.Feature;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static io.qameta.allure.Allure.step;
import static org.assertj.core.api.Assertions.assertThat;

/** The feed's parameters, each checked on three posts only this journey publishes (staging has other users). */
@CriticalPath
@ExtendWith(BlogExtension.class)
@Criterion("critical-features")
@Feature("Feed search, paging and order (API)")
@DisplayName("API journey: the feed's search, paging and order")
class FeedQueryTests {

    @Test
    @DisplayName("searchString finds exactly the posts whose title contains it")
    void shouldFindOnlyMatchingPosts(BlogApi api, TestData data) {
        List<Post> mine = publishThree(api, data);

        assertThat(api.posts().feed(FeedQuery.search(data.marker()))).extracting(Post::id)
                .as("feed search for this journey's marker %s", data.marker())
                .containsExactlyInAnyOrderElementsOf(mine.stream().map(Post::id).toList());
        assertThat(api.posts().feed(FeedQuery.search(mine.get(1).title()))).extracting(Post::id)
                .as("feed search for one full title").containsExactly(mine.get(1).id());
        assertThat(api.posts().feed(FeedQuery.search(data.marker() + " nothing like this"))).as("feed search matching nothing").isEmpty();
    }

    @Test
    @DisplayName("skip and take page through the matching posts")
    void shouldPageWithSkipAndTake(BlogApi api, TestData data) {
        publishThree(api, data);
        FeedQuery mine = FeedQuery.search(data.marker()).oldestFirst();
        List<Long> all = ids(api.posts().feed(mine));

        assertThat(all).as("this journey's posts, oldest first").hasSize(3);
        assertThat(ids(api.posts().feed(mine.take(2)))).as("take=2").isEqualTo(all.subList(0, 2));
        assertThat(ids(api.posts().feed(mine.skip(1).take(1)))).as("skip=1&take=1").isEqualTo(all.subList(1, 2));
        assertThat(ids(api.posts().feed(mine.skip(3)))).as("skip=3 past the last one").isEmpty();
    }

    @Test
    @DisplayName("orderBy sorts the matching posts by their last update, both ways")
    void shouldOrderByLastUpdate(BlogApi api, TestData data) {
        List<Post> mine = publishThree(api, data);

        List<Post> oldestFirst = api.posts().feed(FeedQuery.search(data.marker()).oldestFirst());
        List<Post> newestFirst = api.posts().feed(FeedQuery.search(data.marker()).newestFirst());

        assertThat(oldestFirst).as("orderBy=asc").hasSize(3).isSortedAccordingTo(Comparator.comparing(Post::updatedAt));
        assertThat(newestFirst).as("orderBy=desc").hasSize(3).isSortedAccordingTo(Comparator.comparing(Post::updatedAt).reversed());
        assertThat(ids(oldestFirst).get(2)).as("the post published last comes last, oldest first").isEqualTo(mine.get(2).id());
        assertThat(ids(newestFirst).get(0)).as("the post published last comes first, newest first").isEqualTo(mine.get(2).id());
    }

    private static List<Post> publishThree(BlogApi api, TestData data) {
        return step("Publish three posts marked " + data.marker(), () -> {
            User author = api.users().signUp("Feed Reader", data.email("author"), List.of());
            return Stream.of("alpha", "beta", "gamma")
                    .map(word -> api.posts().publish(api.posts().draft(data.title("Feed check " + word), "About " + word, author.email()).id()))
                    .toList();
        });
    }

    private static List<Long> ids(List<Post> posts) {
        return posts.stream().map(Post::id).toList();
    }
}
