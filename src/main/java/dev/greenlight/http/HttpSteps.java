package dev.greenlight.http;

import dev.greenlight.config.Masker;
import dev.greenlight.config.Secret;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.attachment.DefaultAttachmentProcessor;
import io.qameta.allure.attachment.FreemarkerAttachmentRenderer;
import io.qameta.allure.attachment.http.HttpRequestAttachment;
import io.qameta.allure.attachment.http.HttpResponseAttachment;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StepResult;
import io.restassured.filter.FilterContext;
import io.restassured.filter.OrderedFilter;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Shows every HTTP exchange as an Allure step ({@code GET /feed → 200 in 12 ms}) holding the request and the
 * response, with secrets masked: Authorization and cookie headers, credentials and tokens in URLs, secret
 * fields in bodies. Ordered last so it sees the request exactly as sent. Listeners receive each exchange
 * (e.g. to record latency as evidence).
 */
public final class HttpSteps implements OrderedFilter {

    private static final Set<String> HIDDEN_HEADERS = Set.of("authorization", "proxy-authorization", "cookie", "set-cookie",
            "x-api-key", "x-auth-token", "x-admin-token");
    private static final int MAX_BODY = 64 * 1024;

    private static final FreemarkerAttachmentRenderer REQUEST_RENDERER = new FreemarkerAttachmentRenderer("http-request.ftl");
    private static final FreemarkerAttachmentRenderer RESPONSE_RENDERER = new FreemarkerAttachmentRenderer("http-response.ftl");

    private final Masker masker;
    private final List<Consumer<Exchange>> listeners = new CopyOnWriteArrayList<>();

    public HttpSteps(Masker masker) {
        this.masker = masker;
    }

    /** One request and its answer, as listeners see it. */
    public record Exchange(String method, String path, int status, double millis) {
    }

    public HttpSteps onExchange(Consumer<Exchange> listener) {
        listeners.add(listener);
        return this;
    }

    @Override
    public int getOrder() {
        return Integer.MAX_VALUE;
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response, FilterContext context) {
        AllureLifecycle lifecycle = Allure.getLifecycle();
        String url = masker.mask(request.getURI());
        String path = masker.mask(pathOf(request.getURI()));
        String title = request.getMethod() + " " + path;
        String uuid = UUID.randomUUID().toString();
        boolean inTest = lifecycle.getCurrentTestCaseOrStep().isPresent();
        if (inTest) {
            lifecycle.startStep(uuid, new StepResult().setName(title));
            HttpRequestAttachment.Builder attachment = HttpRequestAttachment.Builder.create("Request " + title, url)
                    .setMethod(request.getMethod())
                    .setHeaders(headers(request.getHeaders()))
                    .setCookies(Map.of());
            if (request.getBody() != null) {
                attachment.setBody(truncate(masker.mask(String.valueOf((Object) request.getBody()))));
            }
            new DefaultAttachmentProcessor(lifecycle).addAttachment(attachment.build(), REQUEST_RENDERER);
        }
        long started = System.nanoTime();
        try {
            Response answer = context.next(request, response);
            double millis = (System.nanoTime() - started) / 1e6;
            if (inTest) {
                HttpResponseAttachment attachment = HttpResponseAttachment.Builder.create("Response " + answer.getStatusCode())
                        .setUrl(url)
                        .setResponseCode(answer.getStatusCode())
                        .setHeaders(headers(answer.getHeaders()))
                        .setBody(truncate(masker.mask(answer.getBody().asString())))
                        .build();
                new DefaultAttachmentProcessor(lifecycle).addAttachment(attachment, RESPONSE_RENDERER);
                lifecycle.updateStep(uuid, step -> step.setName(title + " → " + answer.getStatusCode()
                        + String.format(Locale.ROOT, " in %.0f ms", millis)).setStatus(Status.PASSED));
                lifecycle.stopStep(uuid);
            }
            Exchange exchange = new Exchange(request.getMethod(), path, answer.getStatusCode(), millis);
            listeners.forEach(listener -> listener.accept(exchange));
            return answer;
        } catch (RuntimeException e) {
            double millis = (System.nanoTime() - started) / 1e6;
            if (inTest) {
                lifecycle.updateStep(uuid, step -> step.setName(title + " → no answer after " + Math.round(millis) + " ms: "
                        + masker.mask(String.valueOf(e.getMessage()))).setStatus(Status.BROKEN));
                lifecycle.stopStep(uuid);
            }
            listeners.forEach(listener -> listener.accept(new Exchange(request.getMethod(), path, 0, millis)));
            throw e;
        }
    }

    private Map<String, String> headers(Iterable<io.restassured.http.Header> headers) {
        Map<String, String> out = new LinkedHashMap<>();
        for (io.restassured.http.Header header : headers) {
            boolean hidden = HIDDEN_HEADERS.contains(header.getName().toLowerCase(Locale.ROOT));
            out.put(header.getName(), hidden ? Secret.MASK : masker.mask(header.getValue()));
        }
        return out;
    }

    private static String pathOf(String uri) {
        try {
            URI parsed = URI.create(uri);
            String query = parsed.getRawQuery();
            return (parsed.getRawPath() == null || parsed.getRawPath().isEmpty() ? "/" : parsed.getRawPath())
                    + (query == null ? "" : "?" + query);
        } catch (IllegalArgumentException e) {
            return uri;
        }
    }

    private static String truncate(String body) {
        return body.length() <= MAX_BODY ? body : body.substring(0, MAX_BODY) + "\n… (" + body.length() + " characters, truncated)";
    }
}
