package dev.greenlight.critical.blog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.opentest4j.AssertionFailedError;

/** JSON in and out of the blog API: tolerant of extra fields, strict about the shape it needs. */
final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Json() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write JSON for " + value, e);
        }
    }

    /** Reads an answer; an answer that is not the expected shape is the application's failure, named with the call. */
    static <T> T read(String call, String body, Class<T> type) {
        try {
            return MAPPER.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new AssertionFailedError(call + " answered a body that is not a " + type.getSimpleName() + ": " + e.getOriginalMessage());
        }
    }

    static <T> T read(String call, String body, TypeReference<T> type) {
        try {
            return MAPPER.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new AssertionFailedError(call + " answered a body that is not the expected list: " + e.getOriginalMessage());
        }
    }
}
