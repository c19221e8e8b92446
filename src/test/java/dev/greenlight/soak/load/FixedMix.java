package dev.greenlight.soak.load;

import java.net.URI;
import java.util.List;

/** The same GET every time: what a driver benchmark sends to a trivial server. */
final class FixedMix implements RequestMix {

    private final PlannedRequest plan;

    FixedMix(String url) {
        this.plan = new PlannedRequest(0, "GET", URI.create(url), null, false);
    }

    @Override
    public List<String> names() {
        return List.of("GET /");
    }

    @Override
    public PlannedRequest next() {
        return plan;
    }
}
