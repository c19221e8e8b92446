package dev.greenlight.soak.load;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;

/** The same GET every time: what a driver benchmark sends to a trivial server. */
final class FixedMix implements RequestMix {

    private final PlannedRequest plan;

    FixedMix(String url, Duration timeout) {
        this.plan = new PlannedRequest(0, HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build(), false);
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
