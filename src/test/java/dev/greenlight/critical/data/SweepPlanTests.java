package dev.greenlight.critical.data;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SweepPlanTests {

    private static final Instant NOW = Instant.parse("2026-11-25T18:00:00Z");
    private static final Duration QUIET = Duration.ofMinutes(30);
    private static final String OLD = "gl-20261124-120000-aaaa";
    private static final String RECENT = "gl-20261125-174500-bbbb";

    private final RunTag tag = new RunTag("gl", "20261125-175500-cccc", "greenlight.test");

    @Test
    void shouldSweepAQuietRunsPostsBeforeItsUsers() {
        TaggedRow user = TaggedRow.user(1, OLD + "-j1-author@greenlight.test");
        TaggedRow draft = TaggedRow.post(10, OLD + "-j1 Draft", OLD + "-j1-author@greenlight.test", NOW.minus(Duration.ofHours(20)));

        SweepPlan plan = SweepPlan.leftovers(List.of(user, draft), tag, NOW, QUIET, 100);

        assertThat(plan.remove()).containsExactly(draft, user);
        assertThat(plan.kept()).isEmpty();
    }

    @Test
    void shouldKeepEveryRowOfARunThatChangedRecently() {
        TaggedRow user = TaggedRow.user(1, OLD + "-soak@greenlight.test");
        TaggedRow oldPost = TaggedRow.post(10, OLD + " soak post 1", null, NOW.minus(Duration.ofHours(20)));
        TaggedRow freshPost = TaggedRow.post(11, OLD + " soak post 900", null, NOW.minus(Duration.ofMinutes(2)));

        SweepPlan plan = SweepPlan.leftovers(List.of(user, oldPost, freshPost), tag, NOW, QUIET, 100);

        assertThat(plan.remove()).as("a soak started yesterday and still writing").isEmpty();
        assertThat(plan.kept()).hasSize(3).allSatisfy(kept -> assertThat(kept.reason()).contains("was active 2m ago"));
    }

    @Test
    void shouldKeepARunThatStartedRecentlyEvenWithoutRows() {
        SweepPlan plan = SweepPlan.leftovers(List.of(TaggedRow.user(1, RECENT + "-j1-author@greenlight.test")), tag, NOW, QUIET, 100);

        assertThat(plan.remove()).isEmpty();
        assertThat(plan.kept()).singleElement().satisfies(kept -> assertThat(kept.reason()).contains("gl-20261125-174500 was active 15m ago"));
    }

    @Test
    void shouldNeverTouchThisRunsRowsOrUntaggedRows() {
        List<TaggedRow> rows = List.of(TaggedRow.user(1, "gl-20261125-175500-cccc-j1-author@greenlight.test"),
                TaggedRow.user(2, "alice@prisma.io"),
                TaggedRow.post(3, "Hello world", "alice@prisma.io", NOW.minus(Duration.ofDays(3))),
                TaggedRow.post(4, "Notes on " + OLD, "alice@prisma.io", NOW.minus(Duration.ofDays(3))));

        SweepPlan plan = SweepPlan.leftovers(rows, tag, NOW, QUIET, 100);

        assertThat(plan.remove()).isEmpty();
        assertThat(plan.kept()).isEmpty();
    }

    @Test
    void shouldKeepATitleThatOnlyLooksTaggedWhenItsRunIdHasNoStart() {
        TaggedRow lookalike = TaggedRow.post(5, "gl-2 plans", "alice@prisma.io", NOW.minus(Duration.ofDays(3)));
        TaggedRow soakPost = TaggedRow.post(6, OLD + " soak post 3", "alice@prisma.io", NOW.minus(Duration.ofDays(1)));

        SweepPlan plan = SweepPlan.leftovers(List.of(lookalike, soakPost), tag, NOW, QUIET, 100);

        assertThat(plan.remove()).as("a soak post by a real author, tagged with a dated run id").containsExactly(soakPost);
        assertThat(plan.kept()).singleElement().satisfies(kept -> assertThat(kept.reason()).contains("carries no run start time"));
    }

    @Test
    void shouldKeepRowsOfUnknownAge() {
        SweepPlan plan = SweepPlan.leftovers(List.of(TaggedRow.user(1, "gl-build-77-j1-author@greenlight.test")), tag, NOW, QUIET, 100);

        assertThat(plan.remove()).isEmpty();
        assertThat(plan.kept()).singleElement().satisfies(kept -> assertThat(kept.reason()).startsWith("age unknown"));
    }

    @Test
    void shouldStopAtTheLimitAndLeaveTheRestForTheNextRun() {
        List<TaggedRow> rows = List.of(TaggedRow.user(1, OLD + "-j1-a@greenlight.test"), TaggedRow.user(2, OLD + "-j2-a@greenlight.test"),
                TaggedRow.user(3, OLD + "-j3-a@greenlight.test"));

        SweepPlan plan = SweepPlan.leftovers(rows, tag, NOW, QUIET, 2);

        assertThat(plan.remove()).hasSize(2);
        assertThat(plan.kept()).singleElement().satisfies(kept -> assertThat(kept.reason()).contains("over the sweep limit of 2"));
    }

    @Test
    void shouldPlanThisRunsOwnRowsOnceEachPostsFirst() {
        TaggedRow user = TaggedRow.user(1, "gl-20261125-175500-cccc-j1-author@greenlight.test");
        TaggedRow post = TaggedRow.post(7, "gl-20261125-175500-cccc-j1 Draft", null, NOW);
        TaggedRow other = TaggedRow.user(2, OLD + "-j1-author@greenlight.test");

        SweepPlan plan = SweepPlan.own(List.of(user, post, post, other), tag);

        assertThat(plan.remove()).containsExactly(post, user);
    }
}
