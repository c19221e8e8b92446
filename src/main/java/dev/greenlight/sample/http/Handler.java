package dev.greenlight.sample.http;

/** Answers one request. */
@FunctionalInterface
public interface Handler {
    Response handle(Request request) throws Exception;
}
