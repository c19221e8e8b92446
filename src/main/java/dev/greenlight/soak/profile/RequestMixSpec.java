package dev.greenlight.soak.profile;

import java.util.List;

/**
 * A named request mix: what runs once before the load (to find or create the data it needs), the weighted
 * requests of the load itself, and what runs after it to remove everything the run created.
 *
 * @param setup    requests sent once, in order, before the load; their captures fill the pools
 * @param requests the weighted mix
 * @param cleanup  requests sent after the load; {@code {each:NAME}} repeats one for every value left in a pool
 * @param poolLimit values a pool holds at most; an entry that would add to a full pool is not picked
 */
public record RequestMixSpec(List<MixEntry> setup, List<MixEntry> requests, List<MixEntry> cleanup, Integer poolLimit) {

    public RequestMixSpec {
        setup = setup == null ? List.of() : List.copyOf(setup);
        requests = requests == null ? List.of() : List.copyOf(requests);
        cleanup = cleanup == null ? List.of() : List.copyOf(cleanup);
        poolLimit = poolLimit == null ? 2000 : poolLimit;
    }
}
