package dev.greenlight.soak.load;

import java.util.List;

/**
 * What the driver sends: picks the next request (weighted, with the data it needs) and learns from answers
 * (ids of created rows). Called from several threads at high rates, so implementations are thread-safe and
 * cheap.
 */
public interface RequestMix {

    /** Human names of the entries, e.g. {@code GET /feed}; {@link PlannedRequest#kind()} indexes this list. */
    List<String> names();

    /** The next request to send. */
    PlannedRequest next();

    /** An answer arrived; {@code body} is null unless the plan asked for it. */
    default void completed(PlannedRequest request, int status, byte[] body) {
    }

    /** No answer arrived (timeout, connection failure). */
    default void failed(PlannedRequest request) {
    }
}
