package dev.greenlight.http;

import dev.greenlight.config.Masker;
import dev.greenlight.config.TargetConfig;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.LogConfig;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.specification.RequestSpecification;

/**
 * The one way acceptance tests talk HTTP to a target: base URL from the target file, connect and request
 * timeouts on every call, redirects not followed (a 303 is an answer worth seeing), and every exchange shown
 * as a masked Allure step by {@link HttpSteps}.
 */
public final class HttpSpecs {

    private HttpSpecs() {
    }

    /** Requests relative to {@code app.baseUrl} (health, web pages, metrics). */
    public static RequestSpecification app(TargetConfig target, HttpSteps steps) {
        return builder(target, steps).build();
    }

    /** Requests relative to {@code app.baseUrl + app.apiPrefix} (the REST API). */
    public static RequestSpecification api(TargetConfig target, HttpSteps steps) {
        return builder(target, steps).setBasePath(target.app().apiPrefix()).build();
    }

    /** A steps filter masking this run's secrets. */
    public static HttpSteps steps(Masker masker) {
        return new HttpSteps(masker);
    }

    private static RequestSpecBuilder builder(TargetConfig target, HttpSteps steps) {
        int connect = (int) target.app().timeouts().connect().toMillis();
        int request = (int) target.app().timeouts().request().toMillis();
        RestAssuredConfig config = RestAssuredConfig.config()
                .httpClient(HttpClientConfig.httpClientConfig()
                        .setParam("http.connection.timeout", connect)
                        .setParam("http.socket.timeout", request)
                        .setParam("http.connection-manager.timeout", (long) request))
                .redirect(RedirectConfig.redirectConfig().followRedirects(false))
                .logConfig(LogConfig.logConfig().blacklistHeader("Authorization", "Cookie", "Set-Cookie", "Proxy-Authorization"));
        return new RequestSpecBuilder()
                .setBaseUri(target.app().baseUrl())
                .setConfig(config)
                .addFilter(steps);
    }
}
