package dev.greenlight.critical.blog;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.greenlight.critical.api.ApiReply;
import dev.greenlight.critical.api.Expect;
import dev.greenlight.critical.data.TaggedRow;
import dev.greenlight.critical.data.TestData;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.restassured.RestAssured.given;

/**
 * Posts of the blog API: drafts, publishing, views, deletion and the feed. Each {@code try...} method makes the
 * same call expecting a refusal and returns the answer as it came.
 */
public final class PostsApi {

    private static final TypeReference<List<Post>> POSTS = new TypeReference<>() {
    };

    private final RequestSpecification api;
    private final TestData data;

    PostsApi(RequestSpecification api, TestData data) {
        this.api = api;
        this.data = data;
    }

    /** Creates a draft for an existing author; remembered for cleanup. */
    public Post draft(String title, String content, String authorEmail) {
        String call = "POST /post";
        Post post = Json.read(call, Expect.CREATED.check(call, postDraft(title, content, authorEmail)).asString(), Post.class);
        data.remember(TaggedRow.post(post.id(), post.title(), authorEmail, post.updatedAt()));
        return post;
    }

    public ApiReply tryDraft(String title, String content, String authorEmail) {
        return ApiReply.of("POST /post", postDraft(title, content, authorEmail));
    }

    /** Publishes a draft ({@code PUT /publish/:id} toggles, as in Prisma's example: call it on drafts). */
    public Post publish(long id) {
        String call = "PUT /publish/" + id;
        return Json.read(call, Expect.OK.check(call, given(api).put("/publish/{id}", id)).asString(), Post.class);
    }

    public ApiReply tryPublish(long id) {
        return ApiReply.of("PUT /publish/" + id, given(api).put("/publish/{id}", id));
    }

    /** Counts one view. */
    public Post view(long id) {
        String call = "PUT /post/" + id + "/views";
        return Json.read(call, Expect.OK.check(call, given(api).put("/post/{id}/views", id)).asString(), Post.class);
    }

    public ApiReply tryView(long id) {
        return ApiReply.of("PUT /post/" + id + "/views", given(api).put("/post/{id}/views", id));
    }

    /** The post, or empty when the API says it does not exist (404, or Prisma's example's {@code null}). */
    public Optional<Post> find(long id) {
        String call = "GET /post/" + id;
        Response response = given(api).get("/post/{id}", id);
        String body = response.asString();
        if (response.statusCode() == 404 || response.statusCode() == 200 && (body.isBlank() || body.strip().equals("null"))) {
            return Optional.empty();
        }
        return Optional.of(Json.read(call, Expect.OK.check(call, response).asString(), Post.class));
    }

    public ApiReply tryGet(long id) {
        return ApiReply.of("GET /post/" + id, given(api).get("/post/{id}", id));
    }

    public Post delete(long id) {
        String call = "DELETE /post/" + id;
        Response response = Expect.DELETED.check(call, given(api).delete("/post/{id}", id));
        return response.asString().isBlank() ? null : Json.read(call, response.asString(), Post.class);
    }

    public ApiReply tryDelete(long id) {
        return ApiReply.of("DELETE /post/" + id, given(api).delete("/post/{id}", id));
    }

    /** Published posts matching the query. */
    public List<Post> feed(FeedQuery query) {
        Response response = given(api).queryParams(query.parameters()).get("/feed");
        String call = "GET /feed" + query.describe();
        return Json.read(call, Expect.OK.check(call, response).asString(), POSTS);
    }

    private Response postDraft(String title, String content, String authorEmail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("content", content);
        body.put("authorEmail", authorEmail);
        return given(api).contentType("application/json").body(Json.write(body)).post("/post");
    }
}
