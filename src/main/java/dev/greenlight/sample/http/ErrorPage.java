package dev.greenlight.sample.http;

/** How an error looks on a server-rendered page: a small HTML document with a visible {@code .error}. */
public final class ErrorPage {

    private ErrorPage() {
    }

    public static Response render(int status, String message) {
        String title = status >= 500 ? "Something went wrong" : "Request failed";
        String text = escape(message);
        return Response.html(status, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + status
                + " " + title + "</title></head><body><h1>" + title + "</h1><p class=\"error\" id=\"error\">" + text
                + "</p><p><a href=\"/\">Back to the feed</a></p></body></html>\n");
    }

    /** HTML-escapes text for element content and quoted attribute values. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
