package dev.greenlight.critical.blog;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.greenlight.config.TestDataConfig;
import dev.greenlight.critical.api.Expect;
import dev.greenlight.critical.api.UnexpectedAnswer;
import dev.greenlight.critical.data.RunTag;
import dev.greenlight.critical.data.TaggedDataStore;
import dev.greenlight.critical.data.TaggedRow;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/**
 * Tagged rows of the blog API, found and deleted through the API only: users whose email is tagged (from
 * {@code GET /users}), their drafts ({@code GET /user/:id/drafts}) and published posts whose title is tagged
 * ({@code GET /feed?searchString=<prefix>-}); posts are deleted with {@code DELETE /post/:id}, users with
 * {@code testData.deleteUserPath}. Listing is bounded: at most {@value #MAX_LISTED} users are looked into and
 * feed rows read.
 */
public final class BlogTaggedData implements TaggedDataStore {

    static final int MAX_LISTED = 1000;
    private static final TypeReference<List<User>> USERS = new TypeReference<>() {
    };
    private static final TypeReference<List<Post>> POSTS = new TypeReference<>() {
    };

    private final RequestSpecification api;
    private final TestDataConfig config;

    public BlogTaggedData(RequestSpecification api, TestDataConfig config) {
        this.api = api;
        this.config = config;
    }

    @Override
    public Found find(RunTag tag) {
        List<TaggedRow> rows = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try {
            List<User> tagged = list("GET /users", given(api).get("/users"), USERS).stream()
                    .filter(user -> tag.tokenOfEmail(user.email()).isPresent()).limit(MAX_LISTED).toList();
            for (User user : tagged) {
                rows.add(TaggedRow.user(user.id(), user.email()));
                try {
                    list("GET /user/" + user.id() + "/drafts", given(api).get("/user/{id}/drafts", user.id()), POSTS)
                            .forEach(post -> rows.add(TaggedRow.post(post.id(), post.title(), user.email(), post.updatedAt())));
                } catch (UnexpectedAnswer e) {
                    problems.add("drafts of " + user.email() + ": " + e.getMessage());
                }
            }
        } catch (UnexpectedAnswer e) {
            problems.add("users: " + e.getMessage());
        }
        try {
            Response feed = given(api).queryParams(Map.of("searchString", tag.prefix() + "-", "take", MAX_LISTED)).get("/feed");
            list("GET /feed?searchString=" + tag.prefix() + "-", feed, POSTS).forEach(post -> rows.add(TaggedRow.post(post.id(),
                    post.title(), post.author() == null ? null : post.author().email(), post.updatedAt())));
        } catch (UnexpectedAnswer e) {
            problems.add("published posts: " + e.getMessage());
        }
        return new Found(rows, problems);
    }

    @Override
    public Deletion delete(TaggedRow row) {
        String path;
        if (row.kind() == TaggedRow.Kind.POST) {
            path = "/post/" + row.id();
        } else if (config.deleteUserPath() == null || config.deleteUserPath().isBlank()) {
            return Deletion.NOT_POSSIBLE;
        } else {
            path = config.deleteUserPath().replace("{id}", row.id());
        }
        Response response = given(api).delete(path);
        if (response.statusCode() == 404) {
            return Deletion.ALREADY_GONE;
        }
        Expect.DELETED.check("DELETE " + path, response);
        return Deletion.DELETED;
    }

    private static <T> List<T> list(String call, Response response, TypeReference<List<T>> type) {
        return Json.read(call, Expect.OK.check(call, response).asString(), type);
    }
}
