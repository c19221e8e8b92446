package dev.greenlight.sample.fault;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.sample.http.ApiError;
import dev.greenlight.sample.http.Request;
import dev.greenlight.sample.http.Response;
import dev.greenlight.sample.http.RouteKind;
import dev.greenlight.sample.http.Router;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /__admin/faults}: read, replace or clear the run-time faults. Guarded by
 * {@code Authorization: Bearer <ADMIN_TOKEN>} (401 without, 403 wrong); not registered at all when
 * no token is configured, so it answers 404 like any unknown path.
 */
public final class AdminEndpoint {

    private final FaultState faults;
    private final byte[] token;

    public AdminEndpoint(FaultState faults, String token) {
        this.faults = faults;
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    public void register(Router router) {
        router.add("GET", "/__admin/faults", RouteKind.ADMIN, this::get);
        router.add("PUT", "/__admin/faults", RouteKind.ADMIN, this::put);
        router.add("DELETE", "/__admin/faults", RouteKind.ADMIN, this::delete);
        router.add("POST", "/__admin/faults/add", RouteKind.ADMIN, r -> change(r, true));
        router.add("POST", "/__admin/faults/remove", RouteKind.ADMIN, r -> change(r, false));
    }

    /**
     * Adds run-time faults to those active ({@code {"faults":"db=stalled"}}), or removes the kinds named
     * ({@code {"faults":"db"}}), leaving every other fault as it was — so a probe can cause an outage and end it without
     * clearing the faults a run started with.
     */
    private Response change(Request request, boolean add) {
        Response denied = authorize(request);
        if (denied != null) {
            return denied;
        }
        String spec = specOf(request);
        FaultSpec runtime = faults.current().runtimePart();
        try {
            if (add) {
                return Response.json(200, describe(faults.replaceRuntime(runtime.plus(FaultSpec.parse(spec)))));
            }
            java.util.Set<FaultKind> kinds = new java.util.HashSet<>();
            for (String name : spec.split(",")) {
                kinds.add(FaultKind.byKey(name.trim().replaceFirst("=.*", ""))
                        .orElseThrow(() -> new FaultSpecException("Unknown fault '" + name.trim() + "'")));
            }
            return Response.json(200, describe(faults.replaceRuntime(runtime.without(kinds))));
        } catch (FaultSpecException e) {
            throw ApiError.badRequest(e.getMessage());
        }
    }

    private static String specOf(Request request) {
        try {
            JsonNode body = Response.JSON.readTree(request.body());
            if (body != null && body.path("faults").isTextual()) {
                return body.get("faults").asText();
            }
        } catch (IOException e) {
            throw ApiError.badRequest("Malformed JSON body: " + dev.greenlight.sample.api.JsonErrors.describe(e));
        }
        throw ApiError.badRequest("Body must be {\"faults\":\"<spec>\"}, e.g. {\"faults\":\"db=stalled\"}");
    }

    private Response get(Request request) {
        Response denied = authorize(request);
        if (denied != null) {
            return denied;
        }
        return Response.json(200, describe(faults.current()));
    }

    private Response put(Request request) {
        Response denied = authorize(request);
        if (denied != null) {
            return denied;
        }
        JsonNode body;
        try {
            body = Response.JSON.readTree(request.body());
        } catch (IOException e) {
            throw ApiError.badRequest("Malformed JSON body: " + dev.greenlight.sample.api.JsonErrors.describe(e));
        }
        if (body == null || !body.isObject() || !body.has("faults") || !(body.get("faults").isTextual() || body.get("faults").isNull())) {
            throw ApiError.badRequest("Body must be {\"faults\":\"<spec>\"}, e.g. {\"faults\":\"latency=300ms,errors=3%\"}");
        }
        try {
            FaultSpec runtime = FaultSpec.parse(body.get("faults").isNull() ? "" : body.get("faults").asText());
            return Response.json(200, describe(faults.replaceRuntime(runtime)));
        } catch (FaultSpecException e) {
            throw ApiError.badRequest(e.getMessage());
        }
    }

    private Response delete(Request request) {
        Response denied = authorize(request);
        if (denied != null) {
            return denied;
        }
        return Response.json(200, describe(faults.clearRuntime()));
    }

    private Map<String, Object> describe(FaultSpec active) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("faults", active.toString());
        body.put("runtime", active.runtimePart().toString());
        body.put("startup", active.startOnlyPart().toString());
        return body;
    }

    /** {@code null} when the bearer token is right, else the 401 or 403 answer. */
    private Response authorize(Request request) {
        String header = request.header("authorization").orElse("");
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Response.error(401, "Missing bearer token: send Authorization: Bearer <ADMIN_TOKEN>")
                    .withHeader("WWW-Authenticate", "Bearer realm=\"sample-staging-app\"");
        }
        byte[] given = header.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(given, token)) {
            return Response.error(403, "Invalid admin token");
        }
        return null;
    }
}
