package dev.greenlight.soak.profile;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.greenlight.config.ConfigException;
import dev.greenlight.config.Durations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Reads {@code suites/soak.yaml}: named request mixes and named profiles. Every mistake (unknown key, bad
 * duration, a profile naming a mix that does not exist, a mix entry without a path) is one
 * {@link ConfigException} naming the file and the key.
 */
public final class SoakProfiles {

    private final Map<String, RequestMixSpec> mixes;
    private final Map<String, SoakProfile> profiles;
    private final String file;

    private SoakProfiles(Map<String, RequestMixSpec> mixes, Map<String, SoakProfile> profiles, String file) {
        this.mixes = mixes;
        this.profiles = profiles;
        this.file = file;
    }

    /** The file's shape. */
    record FileShape(Map<String, RequestMixSpec> mixes, Map<String, SoakProfile> profiles) {
    }

    /** A profile with its mix. */
    public record Selected(String name, SoakProfile profile, RequestMixSpec mix) {
    }

    public static SoakProfiles load(Path path) {
        String shown = path.toString();
        if (!Files.isRegularFile(path)) {
            throw new ConfigException("soak profiles file " + shown + " does not exist (set greenlight.suites to the suites directory)");
        }
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .registerModule(new SimpleModule("greenlight-soak").addDeserializer(Duration.class, new DurationReader()));
        FileShape shape;
        try {
            shape = mapper.readValue(path.toFile(), FileShape.class);
        } catch (JsonMappingException e) {
            String key = e.getPath().stream().map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            throw ConfigException.at(shown, key.isEmpty() ? "(top)" : key, e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException(shown + ": cannot be read: " + e.getMessage(), e);
        }
        Map<String, RequestMixSpec> mixes = shape.mixes() == null ? Map.of() : Map.copyOf(shape.mixes());
        Map<String, SoakProfile> profiles = shape.profiles() == null ? Map.of() : Map.copyOf(shape.profiles());
        validate(shown, mixes, profiles);
        return new SoakProfiles(mixes, profiles, shown);
    }

    private static void validate(String file, Map<String, RequestMixSpec> mixes, Map<String, SoakProfile> profiles) {
        mixes.forEach((name, mix) -> {
            if (mix.requests().isEmpty()) {
                throw ConfigException.at(file, "mixes." + name + ".requests", "at least one request");
            }
            checkEntries(file, "mixes." + name + ".setup", mix.setup());
            checkEntries(file, "mixes." + name + ".requests", mix.requests());
            checkEntries(file, "mixes." + name + ".cleanup", mix.cleanup());
        });
        profiles.forEach((name, profile) -> {
            String key = "profiles." + name;
            if (!mixes.containsKey(profile.mix())) {
                throw ConfigException.at(file, key + ".mix", "one of " + new TreeSet<>(mixes.keySet()) + ", got '" + profile.mix() + "'");
            }
            if (!(profile.rate() > 0)) {
                throw ConfigException.at(file, key + ".rate", "a positive rate in requests per second");
            }
            if (profile.maxConcurrency() < 1) {
                throw ConfigException.at(file, key + ".maxConcurrency", "at least 1");
            }
            if (profile.rampUp().compareTo(profile.duration()) > 0) {
                throw ConfigException.at(file, key + ".rampUp", "no longer than duration");
            }
            if (profile.interval().isZero() || profile.scrapeEvery().isZero() || profile.duration().isZero()) {
                throw ConfigException.at(file, key, "duration, interval and scrapeEvery must be positive");
            }
            for (String time : profile.checkpoints().at()) {
                if (!time.matches("([01]\\d|2[0-3]):[0-5]\\d")) {
                    throw ConfigException.at(file, key + ".checkpoints.at", "times of day as HH:mm, got '" + time + "'");
                }
            }
            try {
                java.time.ZoneId.of(profile.checkpoints().zone());
            } catch (java.time.DateTimeException e) {
                throw ConfigException.at(file, key + ".checkpoints.zone", "a time zone such as UTC or Europe/Berlin, got '"
                        + profile.checkpoints().zone() + "'");
            }
        });
    }

    private static void checkEntries(String file, String key, java.util.List<MixEntry> entries) {
        for (int i = 0; i < entries.size(); i++) {
            MixEntry entry = entries.get(i);
            if (entry.path() == null || !entry.path().startsWith("/")) {
                throw ConfigException.at(file, key + "[" + i + "].path", "a path starting with '/', e.g. /feed?take=10");
            }
            if (!Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(entry.method())) {
                throw ConfigException.at(file, key + "[" + i + "].method", "GET, POST, PUT, PATCH or DELETE, got '" + entry.method() + "'");
            }
            if (entry.weight() < 0) {
                throw ConfigException.at(file, key + "[" + i + "].weight", "zero or more");
            }
        }
    }

    /** The profile {@code name} and its mix. */
    public Selected select(String name) {
        SoakProfile profile = profiles.get(name);
        if (profile == null) {
            throw new ConfigException(file + ": no soak profile '" + name + "'; available: " + new TreeSet<>(profiles.keySet())
                    + ". Choose one with soak.profile in the target file or -Dgreenlight.soak.profile=NAME.");
        }
        return new Selected(name, profile, mixes.get(profile.mix()));
    }

    public Set<String> profileNames() {
        return new TreeSet<>(profiles.keySet());
    }

    private static final class DurationReader extends JsonDeserializer<Duration> {
        @Override
        public Duration deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = parser.getValueAsString();
            try {
                return Durations.parse(text == null ? "" : text);
            } catch (IllegalArgumentException e) {
                throw JsonMappingException.from(parser, e.getMessage());
            }
        }
    }
}
