package dev.greenlight.http;

import dev.greenlight.config.Masker;
import dev.greenlight.config.TargetConfig;
import io.restassured.specification.RequestSpecification;

/**
 * HTTP to one target for one test: a specification for the app (health, pages, metrics) and one for its REST
 * API (with {@code app.apiPrefix}), sharing a {@link HttpSteps} filter the test can listen to.
 *
 * @param app   requests relative to {@code app.baseUrl}
 * @param api   requests relative to {@code app.baseUrl + app.apiPrefix}
 * @param steps the filter that reports every exchange
 */
public record TargetHttp(RequestSpecification app, RequestSpecification api, HttpSteps steps) {

    public static TargetHttp of(TargetConfig target, Masker masker) {
        HttpSteps steps = HttpSpecs.steps(masker);
        return new TargetHttp(HttpSpecs.app(target, steps), HttpSpecs.api(target, steps), steps);
    }
}
