package dev.greenlight.acceptance.critical;

import dev.greenlight.critical.CriticalPath;
import dev.greenlight.critical.api.ApiReply;
import dev.greenlight.critical.blog.BlogApi;
import dev.greenlight.critical.blog.BlogExtension;
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

/** Bad input is refused with a 4xx that says what was wrong — never a 500, never half-done. */
@CriticalPath
@ExtendWith(BlogExtension.class)
@Criterion("critical-features")
@Feature("Refusing bad input (API)")
@DisplayName("API journey: bad input gets a useful 4xx, never a 500")
class ApiErrorTests {

    @Test
    @DisplayName("A draft for an author who does not exist is refused, naming the email")
    void shouldRefuseADraftForAnUnknownAuthor(BlogApi api, TestData data) {
        String nobody = data.email("never-signed-up");

        ApiReply reply = api.posts().tryDraft(data.title("Orphan"), null, nobody);

        assertRefused(reply, nobody);
    }

    @Test
    @DisplayName("Reading, viewing, publishing or deleting a post that does not exist is refused, naming the id")
    void shouldRefuseEveryCallOnAnUnknownPost(BlogApi api, TestData data) {
        long gone = step("Make a post id that surely does not exist: create a draft, then delete it", () -> {
            User author = api.users().signUp(null, data.email("author"), List.of());
            Post post = api.posts().draft(data.title("Short-lived"), null, author.email());
            api.posts().delete(post.id());
            return post.id();
        });

        List<ApiReply> replies = List.of(api.posts().tryGet(gone), api.posts().tryView(gone), api.posts().tryPublish(gone),
                api.posts().tryDelete(gone));

        assertThat(replies).as("answers to calls on post %s, which does not exist", gone).allSatisfy(reply -> {
            assertThat(reply.status()).as("status of %s (a 5xx means bad input crashed the server)", reply.describe()).isBetween(400, 499);
            assertThat(reply.errorMessage()).as("error message of %s", reply.describe()).contains(String.valueOf(gone));
        });
    }

    @Test
    @DisplayName("Signing up an email twice is refused, naming the email, and leaves one user")
    void shouldRefuseADuplicateEmail(BlogApi api, TestData data) {
        String email = data.email("twice");
        step("Sign up " + email, () -> api.users().signUp("First", email, List.of()));

        ApiReply reply = api.users().trySignUp("Second", email);

        assertRefused(reply, email);
        assertThat(api.users().all()).filteredOn(user -> email.equalsIgnoreCase(user.email())).extracting(User::name)
                .as("users with email %s after the refused second sign-up", email).containsExactly("First");
    }

    @Test
    @DisplayName("A body that is not valid JSON is refused with a message, and creates nothing")
    void shouldRefuseMalformedJson(BlogApi api, TestData data) {
        String email = data.email("malformed");

        ApiReply reply = api.sendRaw("POST", "/signup", "{\"name\": \"Broken\", \"email\": \"" + email + "\",");

        assertThat(reply.status()).as("status of %s (a 5xx means bad input crashed the server)", reply.describe()).isBetween(400, 499);
        assertThat(reply.errorMessage()).as("error message of %s", reply.describe()).isNotBlank();
        assertThat(api.users().all()).extracting(User::email).as("users after the malformed sign-up").doesNotContain(email);
    }

    private static void assertRefused(ApiReply reply, String mentioned) {
        assertThat(reply.status()).as("status of %s (a 5xx means bad input crashed the server)", reply.describe()).isBetween(400, 499);
        assertThat(reply.errorMessage()).as("error message of %s", reply.describe()).containsIgnoringCase(mentioned);
    }
}
