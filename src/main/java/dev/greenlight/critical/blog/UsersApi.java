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

import static io.restassured.RestAssured.given;

/** Users of the blog API: {@code POST /signup}, {@code GET /users}, {@code GET /user/:id/drafts}. */
public final class UsersApi {

    private static final TypeReference<List<User>> USERS = new TypeReference<>() {
    };
    private static final TypeReference<List<Post>> POSTS = new TypeReference<>() {
    };

    private final RequestSpecification api;
    private final TestData data;

    UsersApi(RequestSpecification api, TestData data) {
        this.api = api;
        this.data = data;
    }

    /** Signs a user up, with posts created as their drafts; the user is remembered for cleanup. */
    public User signUp(String name, String email, List<NewPost> posts) {
        String call = "POST /signup";
        Response response = Expect.CREATED.check(call, given(api).contentType("application/json").body(Json.write(signup(name, email, posts)))
                .post("/signup"));
        User user = Json.read(call, response.asString(), User.class);
        data.remember(TaggedRow.user(user.id(), user.email()));
        return user;
    }

    /** A sign-up expected to be refused, answered as it came. */
    public ApiReply trySignUp(String name, String email) {
        return ApiReply.of("POST /signup", given(api).contentType("application/json").body(Json.write(signup(name, email, List.of())))
                .post("/signup"));
    }

    /** Every user. */
    public List<User> all() {
        String call = "GET /users";
        return Json.read(call, Expect.OK.check(call, given(api).get("/users")).asString(), USERS);
    }

    /** A user's unpublished posts. */
    public List<Post> drafts(long userId) {
        String call = "GET /user/" + userId + "/drafts";
        return Json.read(call, Expect.OK.check(call, given(api).get("/user/{id}/drafts", userId)).asString(), POSTS);
    }

    private static Map<String, Object> signup(String name, String email, List<NewPost> posts) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("email", email);
        if (!posts.isEmpty()) {
            body.put("posts", posts);
        }
        return body;
    }
}
