package dev.greenlight.sample.web;

import dev.greenlight.sample.api.Ids;
import dev.greenlight.sample.data.BlogStore;
import dev.greenlight.sample.data.FeedQuery;
import dev.greenlight.sample.data.Post;
import dev.greenlight.sample.fault.FaultState;
import dev.greenlight.sample.http.ApiError;
import dev.greenlight.sample.http.ErrorPage;
import dev.greenlight.sample.http.Request;
import dev.greenlight.sample.http.Response;
import dev.greenlight.sample.http.RouteKind;
import dev.greenlight.sample.http.Router;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The server-rendered web UI for browser journeys: feed with search, sign-up, new draft, drafts, a
 * post page with Publish and Delete. Forms post to {@code /ui/*} and answer 303 (post/redirect/get);
 * a form error re-renders the form with a visible {@code .error} and a 4xx status. Works without
 * JavaScript.
 */
public final class WebRoutes {

    private static final String FLASH = "flash";

    private final BlogStore store;
    private final FaultState faults;

    public WebRoutes(BlogStore store, FaultState faults) {
        this.store = store;
        this.faults = faults;
    }

    public void register(Router router) {
        router.add("GET", "/", RouteKind.UI, this::feed);
        router.add("GET", "/signup", RouteKind.UI, r -> signupForm(r, 200, Map.of(), null));
        router.add("POST", "/ui/signup", RouteKind.UI, this::signup);
        router.add("GET", "/create", RouteKind.UI, r -> draftForm(r, 200, Map.of(), null));
        router.add("POST", "/ui/create", RouteKind.UI, this::create);
        router.add("GET", "/drafts", RouteKind.UI, this::drafts);
        router.add("GET", "/p/:id", RouteKind.UI, this::post);
        router.add("POST", "/ui/publish/:id", RouteKind.UI, this::publish);
        router.add("POST", "/ui/delete/:id", RouteKind.UI, this::delete);
    }

    private Response feed(Request request) {
        String search = request.query("searchString").orElse("").trim();
        if (!search.isEmpty() && faults.current().searchBroken()) {
            return ErrorPage.render(500, "Internal Server Error").withCause("injected fault search=broken");
        }
        List<Post> posts = faults.staleFeed()
                .map(cached -> cached.stream().filter(p -> search.isEmpty() || contains(p, search)).toList())
                .orElseGet(() -> store.feed(FeedQuery.newestFirst(search)));
        StringBuilder body = new StringBuilder();
        body.append("<form id=\"search-form\" method=\"get\" action=\"/\" role=\"search\">\n")
                .append("<label for=\"search-input\">Search posts</label>\n")
                .append("<input type=\"search\" id=\"search-input\" name=\"searchString\" value=\"")
                .append(Html.escape(search)).append("\">\n")
                .append("<button type=\"submit\" id=\"search-submit\">Search</button>\n</form>\n");
        if (!search.isEmpty()) {
            body.append("<p class=\"search-summary\" id=\"search-summary\">").append(posts.size())
                    .append(posts.size() == 1 ? " post" : " posts").append(" matching “").append(Html.escape(search))
                    .append("”</p>\n");
        }
        appendPosts(body, posts, "feed", "No posts found.");
        return withFlash(request, 200, "Feed", "Public feed", body.toString());
    }

    private Response signupForm(Request request, int status, Map<String, String> values, String error) {
        String body = Html.error(error)
                + "<form id=\"signup-form\" method=\"post\" action=\"/ui/signup\">\n"
                + Html.input("Name", "text", "name", values.get("name"), false)
                + Html.input("Email", "email", "email", values.get("email"), true)
                + "<button type=\"submit\" id=\"signup-submit\">Sign up</button>\n</form>\n";
        return withFlash(request, status, "Sign up", "Sign up", body);
    }

    private Response signup(Request request) {
        Map<String, String> form = request.form();
        String name = form.getOrDefault("name", "").trim();
        String email = form.getOrDefault("email", "").trim();
        if (email.isEmpty()) {
            return signupForm(request, 400, form, "Email is required.");
        }
        try {
            store.signup(name.isEmpty() ? null : name, email, List.of());
        } catch (ApiError e) {
            if (e.status() >= 500) {
                throw e;
            }
            return signupForm(request, e.status(), form, e.getMessage());
        }
        return Response.redirect("/drafts?author=" + URLEncoder.encode(email, StandardCharsets.UTF_8))
                .withHeader("Set-Cookie", flashCookie("Welcome" + (name.isEmpty() ? "" : ", " + name)
                        + "! Your account " + email + " was created."));
    }

    private Response draftForm(Request request, int status, Map<String, String> values, String error) {
        String content = values.get("content");
        String body = Html.error(error)
                + "<form id=\"draft-form\" method=\"post\" action=\"/ui/create\">\n"
                + Html.input("Title", "text", "title", values.get("title"), true)
                + "<label for=\"content\">Content\n<textarea id=\"content\" name=\"content\" rows=\"6\">"
                + Html.escape(content == null ? "" : content) + "</textarea></label>\n"
                + Html.input("Author (email address)", "email", "authorEmail", values.get("authorEmail"), true)
                + "<button type=\"submit\" id=\"draft-submit\">Create draft</button>\n</form>\n";
        return withFlash(request, status, "New draft", "Create draft", body);
    }

    private Response create(Request request) {
        Map<String, String> form = request.form();
        String title = form.getOrDefault("title", "").trim();
        String content = form.getOrDefault("content", "");
        String authorEmail = form.getOrDefault("authorEmail", "").trim();
        if (title.isEmpty() || authorEmail.isEmpty()) {
            return draftForm(request, 400, form, title.isEmpty() ? "Title is required." : "Author email is required.");
        }
        Post post;
        try {
            post = store.createDraft(title, content.isEmpty() ? null : content, authorEmail);
        } catch (ApiError e) {
            if (e.status() >= 500) {
                throw e;
            }
            return draftForm(request, e.status(), form, e.getMessage());
        }
        return Response.redirect("/p/" + post.id()).withHeader("Set-Cookie", flashCookie("Draft saved."));
    }

    private Response drafts(Request request) {
        Optional<String> author = request.query("author").map(String::trim).filter(a -> !a.isEmpty());
        if (author.isPresent() && store.userByEmail(author.get()).isEmpty()) {
            return withFlash(request, 404, "Drafts", "Drafts", Html.error("No user found with email " + author.get()));
        }
        StringBuilder body = new StringBuilder();
        author.ifPresent(a -> body.append("<p class=\"drafts-author\" id=\"drafts-author\">Drafts by ")
                .append(Html.escape(a)).append("</p>\n"));
        appendPosts(body, store.draftsWithAuthors(author), "drafts", "No drafts yet.");
        return withFlash(request, 200, "Drafts", author.map(a -> "Drafts").orElse("Drafts"), body.toString());
    }

    private Response post(Request request) {
        Post post = store.post(Ids.id(request.param("id")));
        StringBuilder body = new StringBuilder();
        body.append("<article class=\"post\" data-post-id=\"").append(post.id()).append("\" id=\"post\">\n")
                .append("<p class=\"post-author\">By <span class=\"author-name\">")
                .append(Html.escape(post.author() == null ? "Unknown author"
                        : post.author().name() != null ? post.author().name() : post.author().email()))
                .append("</span></p>\n")
                .append("<p class=\"post-status\" id=\"post-status\">").append(post.published() ? "Published" : "Draft")
                .append("</p>\n<p class=\"post-views\">").append(post.viewCount()).append(" views</p>\n")
                .append("<div class=\"post-content\" id=\"post-content\">")
                .append(Html.escape(post.content() == null ? "" : post.content())).append("</div>\n</article>\n");
        if (!post.published()) {
            body.append("<form method=\"post\" action=\"/ui/publish/").append(post.id()).append("\" id=\"publish-form\">")
                    .append("<button type=\"submit\" id=\"publish-button\">Publish</button></form>\n");
        }
        body.append("<form method=\"post\" action=\"/ui/delete/").append(post.id()).append("\" id=\"delete-form\">")
                .append("<button type=\"submit\" id=\"delete-button\">Delete</button></form>\n");
        return withFlash(request, 200, post.title(), post.title(), body.toString());
    }

    private Response publish(Request request) {
        Post post = store.publish(Ids.id(request.param("id")));
        return Response.redirect("/").withHeader("Set-Cookie", flashCookie("Published “" + post.title() + "”."));
    }

    private Response delete(Request request) {
        Post post = store.deletePost(Ids.id(request.param("id")));
        return Response.redirect(post.published() ? "/" : "/drafts")
                .withHeader("Set-Cookie", flashCookie("Deleted “" + post.title() + "”."));
    }

    private static void appendPosts(StringBuilder body, List<Post> posts, String id, String empty) {
        if (posts.isEmpty()) {
            body.append("<p class=\"empty\" id=\"empty-").append(id).append("\">").append(empty).append("</p>\n");
            return;
        }
        body.append("<section class=\"posts\" id=\"").append(id).append("\">\n");
        posts.forEach(p -> body.append(Html.article(p)));
        body.append("</section>\n");
    }

    private static boolean contains(Post post, String search) {
        return post.title().contains(search) || (post.content() != null && post.content().contains(search));
    }

    private static Response withFlash(Request request, int status, String title, String heading, String body) {
        Optional<String> flash = request.cookie(FLASH);
        Response response = Response.html(status, Html.page(title, heading, flash.orElse(null), body));
        if (flash.isPresent()) {
            response.withHeader("Set-Cookie", FLASH + "=; Path=/; Max-Age=0; SameSite=Lax");
        }
        return response;
    }

    private static String flashCookie(String message) {
        return FLASH + "=" + URLEncoder.encode(message, StandardCharsets.UTF_8).replace("+", "%20")
                + "; Path=/; Max-Age=60; HttpOnly; SameSite=Lax";
    }
}
