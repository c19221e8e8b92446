package dev.greenlight.soak.load;

import java.net.URI;

/**
 * One request about to be sent: which entry of the mix it is (an index into {@link RequestMix#names()}), what to
 * send, whether the mix wants the response body back (to capture an id), and whatever the mix needs to remember
 * about it until it is answered. The driver applies its own timeout to every request.
 *
 * @param kind     index of the mix entry
 * @param method   HTTP method, e.g. {@code GET}
 * @param uri      absolute {@code http} or {@code https} URI
 * @param body     the request body, sent as {@code application/json}; null for none
 * @param wantBody true when {@link RequestMix#completed} needs the body
 * @param context  the mix's own note (e.g. the id it took from a pool), or null
 */
public record PlannedRequest(int kind, String method, URI uri, byte[] body, boolean wantBody, Object context) {

    public PlannedRequest(int kind, String method, URI uri, byte[] body, boolean wantBody) {
        this(kind, method, uri, body, wantBody, null);
    }
}
