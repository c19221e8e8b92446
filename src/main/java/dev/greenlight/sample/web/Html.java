package dev.greenlight.sample.web;

import dev.greenlight.sample.data.Post;
import dev.greenlight.sample.http.ErrorPage;

/** The page layout and the post markup every page shares; everything user-supplied is escaped. */
final class Html {

    private static final String STYLE = "body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;"
            + "color:#1a1a1a}nav a{margin-right:1rem}article.post{border-bottom:1px solid #ddd;padding:.5rem 0}"
            + ".post-author{color:#555;font-size:.9rem}.error{color:#b00020;font-weight:600}.flash{background:#e7f6e7;"
            + "padding:.5rem}form label{display:block;margin:.5rem 0}input,textarea{width:100%;max-width:30rem}"
            + "button{margin-top:.5rem}";

    private Html() {
    }

    static String escape(String text) {
        return ErrorPage.escape(text);
    }

    /** A whole page: title, navigation, optional flash message, the h1 and the body. */
    static String page(String title, String heading, String flash, String body) {
        StringBuilder html = new StringBuilder(4096);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(title)).append(" · Blog</title>\n")
                .append("<style>").append(STYLE).append("</style>\n</head>\n<body>\n")
                .append("<nav id=\"nav\"><a href=\"/\" id=\"nav-feed\">Feed</a>")
                .append("<a href=\"/signup\" id=\"nav-signup\">Sign up</a>")
                .append("<a href=\"/create\" id=\"nav-create\">New draft</a>")
                .append("<a href=\"/drafts\" id=\"nav-drafts\">Drafts</a></nav>\n<main>\n");
        if (flash != null && !flash.isEmpty()) {
            html.append("<p class=\"flash\" id=\"flash\" role=\"status\">").append(escape(flash)).append("</p>\n");
        }
        html.append("<h1>").append(escape(heading)).append("</h1>\n").append(body).append("</main>\n</body>\n</html>\n");
        return html.toString();
    }

    /** One post as an {@code <article class="post" data-post-id="ID">}. */
    static String article(Post post) {
        String author = post.author() == null ? "Unknown author"
                : post.author().name() != null ? post.author().name() : post.author().email();
        return "<article class=\"post\" data-post-id=\"" + post.id() + "\">\n"
                + "<h2 class=\"post-title\"><a href=\"/p/" + post.id() + "\">" + escape(post.title()) + "</a></h2>\n"
                + "<p class=\"post-author\">By <span class=\"author-name\">" + escape(author) + "</span></p>\n"
                + "<p class=\"post-content\">" + escape(post.content() == null ? "" : post.content()) + "</p>\n"
                + "</article>\n";
    }

    /** A visible form error. */
    static String error(String message) {
        return message == null ? "" : "<p class=\"error\" id=\"form-error\" role=\"alert\">" + escape(message) + "</p>\n";
    }

    /** A labelled text input keeping what the user typed. */
    static String input(String label, String type, String name, String value, boolean required) {
        return "<label for=\"" + name + "\">" + escape(label) + "\n<input type=\"" + type + "\" id=\"" + name + "\" name=\""
                + name + "\" value=\"" + escape(value == null ? "" : value) + "\"" + (required ? " required" : "")
                + "></label>\n";
    }
}
