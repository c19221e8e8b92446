package dev.greenlight.sample.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.sample.http.ApiError;
import dev.greenlight.sample.http.Request;
import dev.greenlight.sample.http.Response;
import java.io.IOException;

/** Reads a JSON request body strictly: anything malformed or mistyped is a 400 naming the field. */
final class JsonBody {

    private final JsonNode root;

    private JsonBody(JsonNode root) {
        this.root = root;
    }

    static JsonBody of(Request request) {
        byte[] body = request.body();
        if (body.length == 0) {
            throw ApiError.badRequest("Request body must be a JSON object");
        }
        JsonNode root;
        try {
            root = Response.JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiError.badRequest("Malformed JSON body: " + JsonErrors.describe(e));
        } catch (IOException e) {
            throw ApiError.badRequest("Unreadable JSON body: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw ApiError.badRequest("Request body must be a JSON object");
        }
        return new JsonBody(root);
    }

    JsonNode node() {
        return root;
    }

    /** A string field that must be present and not blank. */
    String requiredText(String field) {
        return requiredText(root, field, field);
    }

    /** A string field that may be absent or null. */
    String optionalText(String field) {
        return optionalText(root, field, field);
    }

    static String requiredText(JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw ApiError.badRequest("Missing required field '" + path + "'");
        }
        if (!value.isTextual()) {
            throw ApiError.badRequest("Field '" + path + "' must be a string");
        }
        if (value.asText().isBlank()) {
            throw ApiError.badRequest("Field '" + path + "' must not be empty");
        }
        return value.asText();
    }

    static String optionalText(JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ApiError.badRequest("Field '" + path + "' must be a string or null");
        }
        return value.asText();
    }
}
