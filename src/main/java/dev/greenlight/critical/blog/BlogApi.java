package dev.greenlight.critical.blog;

import dev.greenlight.critical.api.ApiReply;
import dev.greenlight.critical.data.TestData;
import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;

/**
 * The REST API of the application under test — Prisma's Express example (users, posts, drafts, feed) — as small
 * typed clients over one shared request specification ({@code app.baseUrl + app.apiPrefix}, timeouts, every
 * exchange an Allure step). Status expectations live in {@link dev.greenlight.critical.api.Expect}; what a
 * client creates is remembered by the journey's {@link TestData} for cleanup. Injected by {@link BlogExtension}.
 */
public final class BlogApi {

    private final RequestSpecification api;
    private final UsersApi users;
    private final PostsApi posts;

    public BlogApi(RequestSpecification api, TestData data) {
        this.api = api;
        this.users = new UsersApi(api, data);
        this.posts = new PostsApi(api, data);
    }

    public UsersApi users() {
        return users;
    }

    public PostsApi posts() {
        return posts;
    }

    /** Sends a body exactly as given (e.g. malformed JSON) and returns the answer as it came. */
    public ApiReply sendRaw(String method, String path, String body) {
        return ApiReply.of(method + " " + path, given(api).contentType("application/json").body(body).request(method, path));
    }
}
