package dev.greenlight.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;

/**
 * The configuration a run actually used, as YAML a reviewer can read: every default filled in, secrets
 * masked, and the keys that came from a property or an environment variable marked at the top.
 */
public final class EffectiveConfig {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
            .setSerializationInclusion(JsonInclude.Include.NON_EMPTY)
            .registerModule(new SimpleModule("greenlight-effective-config")
                    .addSerializer(Secret.class, new JsonSerializer<>() {
                        @Override
                        public void serialize(Secret value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                            gen.writeString(Secret.MASK);
                        }
                    })
                    .addSerializer(Duration.class, new JsonSerializer<>() {
                        @Override
                        public void serialize(Duration value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                            gen.writeString(Durations.format(value));
                        }
                    }));

    private EffectiveConfig() {
    }

    public static String render(TargetConfig config, Map<String, String> overrides, Masker masker) {
        StringBuilder out = new StringBuilder("# Effective configuration of target '").append(config.name()).append("'\n");
        if (overrides.isEmpty()) {
            out.append("# no key overridden: everything below is from the target file or a default\n");
        } else {
            overrides.forEach((key, source) -> out.append("# ").append(key).append(" <- ").append(source).append('\n'));
        }
        try {
            out.append(YAML.writeValueAsString(config));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        return masker.mask(out.toString());
    }
}
