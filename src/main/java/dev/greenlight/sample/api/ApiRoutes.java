package dev.greenlight.sample.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.sample.data.BlogStore;
import dev.greenlight.sample.data.FeedQuery;
import dev.greenlight.sample.fault.FaultState;
import dev.greenlight.sample.http.ApiError;
import dev.greenlight.sample.http.Request;
import dev.greenlight.sample.http.Response;
import dev.greenlight.sample.http.RouteKind;
import dev.greenlight.sample.http.Router;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The REST API of Prisma's {@code orm/express} example, plus {@code DELETE /user/:id} for test-data cleanup. */
public final class ApiRoutes {

    private final BlogStore store;
    private final FaultState faults;

    public ApiRoutes(BlogStore store, FaultState faults) {
        this.store = store;
        this.faults = faults;
    }

    public void register(Router router) {
        router.add("POST", "/signup", RouteKind.API, this::signup);
        router.add("POST", "/post", RouteKind.API, this::createDraft);
        router.add("PUT", "/post/:id/views", RouteKind.API,
                r -> Response.json(200, Views.post(store.incrementViews(Ids.id(r.param("id"))))));
        router.add("PUT", "/publish/:id", RouteKind.API,
                r -> Response.json(200, Views.post(store.togglePublished(Ids.id(r.param("id"))))));
        router.add("DELETE", "/post/:id", RouteKind.API,
                r -> Response.json(200, Views.post(store.deletePost(Ids.id(r.param("id"))))));
        router.add("GET", "/users", RouteKind.API, r -> Response.json(200, Views.users(store.users())));
        router.add("GET", "/user/:id/drafts", RouteKind.API,
                r -> Response.json(200, Views.posts(store.drafts(Ids.id(r.param("id"))))));
        router.add("GET", "/post/:id", RouteKind.API,
                r -> Response.json(200, Views.postWithAuthor(store.post(Ids.id(r.param("id"))))));
        router.add("GET", "/feed", RouteKind.API, this::feed);
        router.add("DELETE", "/user/:id", RouteKind.API,
                r -> Response.json(200, Views.user(store.deleteUser(Ids.id(r.param("id"))))));
    }

    private Response signup(Request request) {
        JsonBody body = JsonBody.of(request);
        String email = body.requiredText("email");
        String name = body.optionalText("name");
        List<BlogStore.NewPost> posts = new ArrayList<>();
        JsonNode postsNode = body.node().get("posts");
        if (postsNode != null && !postsNode.isNull()) {
            if (!postsNode.isArray()) {
                throw ApiError.badRequest("Field 'posts' must be an array of {title, content}");
            }
            for (int i = 0; i < postsNode.size(); i++) {
                JsonNode post = postsNode.get(i);
                if (!post.isObject()) {
                    throw ApiError.badRequest("Field 'posts[" + i + "]' must be an object {title, content}");
                }
                posts.add(new BlogStore.NewPost(JsonBody.requiredText(post, "title", "posts[" + i + "].title"),
                        JsonBody.optionalText(post, "content", "posts[" + i + "].content")));
            }
        }
        return Response.json(200, Views.user(store.signup(name, email, posts)));
    }

    private Response createDraft(Request request) {
        JsonBody body = JsonBody.of(request);
        String title = body.requiredText("title");
        String content = body.optionalText("content");
        String authorEmail = body.requiredText("authorEmail");
        String createdAt = body.optionalText("createdAt");
        java.time.Instant created;
        try {
            created = createdAt == null ? null : java.time.Instant.parse(createdAt);
        } catch (java.time.format.DateTimeParseException e) {
            throw ApiError.badRequest("Field 'createdAt' must be an ISO-8601 instant like 2025-06-15T12:34:56.789Z, got '" + createdAt + "'");
        }
        return Response.json(200, Views.post(store.createDraft(title, content, authorEmail, created)));
    }

    private Response feed(Request request) {
        String search = request.query("searchString").orElse("");
        if (!search.isEmpty() && faults.current().searchBroken()) {
            return Response.error(500, "Internal Server Error").withCause("injected fault search=broken");
        }
        return Response.json(200, Views.postsWithAuthor(store.feed(feedQuery(request, search))));
    }

    /** Parses skip/take/orderBy like the example ({@code take=0} means no limit, as {@code Number(take) || undefined}). */
    static FeedQuery feedQuery(Request request, String search) {
        int skip = request.query("skip").filter(s -> !s.isEmpty()).map(s -> Ids.nonNegative("skip", s)).orElse(0);
        Optional<Integer> take = request.query("take").filter(s -> !s.isEmpty()).map(s -> Ids.nonNegative("take", s))
                .filter(t -> t > 0);
        Optional<String> orderBy = request.query("orderBy").filter(s -> !s.isEmpty());
        if (orderBy.isPresent() && !orderBy.get().equals("asc") && !orderBy.get().equals("desc")) {
            throw ApiError.badRequest("Invalid orderBy '" + orderBy.get() + "': expected asc or desc");
        }
        return new FeedQuery(search, skip, take, orderBy);
    }
}
