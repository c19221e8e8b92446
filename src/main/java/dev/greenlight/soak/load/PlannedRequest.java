package dev.greenlight.soak.load;

import java.net.http.HttpRequest;

/**
 * One request about to be sent: which entry of the mix it is (an index into {@link RequestMix#names()}),
 * the request itself, whether the mix wants the response body back (to capture an id), and whatever the mix
 * needs to remember about it until it is answered.
 *
 * @param kind     index of the mix entry
 * @param request  the request, timeout included
 * @param wantBody true when {@link RequestMix#completed} needs the body
 * @param context  the mix's own note (e.g. the id it took from a pool), or null
 */
public record PlannedRequest(int kind, HttpRequest request, boolean wantBody, Object context) {

    public PlannedRequest(int kind, HttpRequest request, boolean wantBody) {
        this(kind, request, wantBody, null);
    }
}
