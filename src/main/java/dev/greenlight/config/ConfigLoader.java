package dev.greenlight.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads a target file into a {@link TargetConfig}, applying the precedence documented there. Every mistake
 * a user can make (missing or unreadable file, YAML syntax, unknown key, wrong type, unset environment
 * variable, impossible combination) becomes one {@link ConfigException} naming the file, the key and what
 * was expected, before any test runs.
 */
public final class ConfigLoader {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");
    private static final String PREFIX = "greenlight.";

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    private final ObjectMapper binder = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .addModule(new SimpleModule("greenlight-config")
                    .addDeserializer(Duration.class, new DurationDeserializer())
                    .addDeserializer(Secret.class, new SecretDeserializer()))
            .build();

    /** The result: the tree, and which keys came from somewhere other than the file. */
    public record Loaded(TargetConfig config, Path file, Map<String, String> overrides) {
    }

    /** Loads the target named by {@code run}, overridden from {@code settings}. */
    public Loaded load(RunSettings run, Settings settings) {
        Path file = run.targetFile();
        String shown = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("target file " + shown + " does not exist. " + available(run.suitesDir())
                    + " Choose one with -Dgreenlight.target=NAME or point -Dgreenlight.targetFile at a file.");
        }
        if (!Files.isReadable(file)) {
            throw new ConfigException("target file " + shown + " is not readable by this user.");
        }
        JsonNode root;
        try {
            root = yaml.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new ConfigException(shown + (at == null ? "" : " line " + at.getLineNr() + ", column " + at.getColumnNr())
                    + ": not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException("target file " + shown + " cannot be read: " + e.getMessage(), e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            root = yaml.createObjectNode();
        }
        if (!root.isObject()) {
            throw new ConfigException(shown + ": expected a mapping of keys at the top, got " + root.getNodeType().toString().toLowerCase());
        }
        ObjectNode tree = (ObjectNode) root;
        Map<String, String> overrides = applyOverrides(tree, settings);
        interpolate(tree, "", shown, settings);
        if (!tree.hasNonNull("name")) {
            tree.put("name", run.target());
        }
        TargetConfig config = bind(tree, shown);
        validate(config, shown);
        return new Loaded(config, file, overrides);
    }

    private TargetConfig bind(ObjectNode tree, String file) {
        try {
            return binder.treeToValue(tree, TargetConfig.class);
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds() == null ? "" : e.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", "));
            throw ConfigException.at(file, path(e), "unknown key" + (known.isEmpty() ? "" : "; known keys here: " + known));
        } catch (InvalidFormatException e) {
            throw ConfigException.at(file, path(e), "expected " + describe(e.getTargetType()) + ", got '" + e.getValue() + "'");
        } catch (ValueInstantiationException e) {
            throw ConfigException.at(file, path(e), rootMessage(e));
        } catch (MismatchedInputException e) {
            throw ConfigException.at(file, path(e), "expected " + describe(e.getTargetType()));
        } catch (JsonMappingException e) {
            throw ConfigException.at(file, path(e), rootMessage(e));
        } catch (JsonProcessingException e) {
            throw new ConfigException(file + ": " + e.getOriginalMessage(), e);
        }
    }

    private static void validate(TargetConfig config, String file) {
        AppConfig app = config.app();
        if (config.kind() == TargetConfig.Kind.REMOTE) {
            if (app.baseUrl() == null || !app.baseUrl().matches("https?://[^/\\s]+.*")) {
                throw ConfigException.at(file, "app.baseUrl", "a remote target needs an http(s) URL, e.g. https://staging.example.com"
                        + (app.baseUrl() == null ? "" : ", got '" + app.baseUrl() + "'"));
            }
        } else if (config.local().app().mainClass() == null) {
            throw ConfigException.at(file, "local.app.mainClass", "a local target needs the main class of the app to start");
        }
        if (!app.apiPrefix().isEmpty() && !app.apiPrefix().startsWith("/")) {
            throw ConfigException.at(file, "app.apiPrefix", "must start with '/', e.g. /api, got '" + app.apiPrefix() + "'");
        }
        if (SoakConfig.ALONGSIDE.equals(config.soak().baseline()) && config.kind() == TargetConfig.Kind.REMOTE && !config.baseline().present()) {
            throw ConfigException.at(file, "soak.baseline", "'alongside' compares with a baseline deployment running at the same time: "
                    + "set baseline.baseUrl (the Prisma 6 deployment beside staging), or name a saved baseline, e.g. prisma-6.19.0, or none");
        }
        if (config.baseline().present() && !config.baseline().baseUrl().matches("https?://[^/\\s]+.*")) {
            throw ConfigException.at(file, "baseline.baseUrl", "an http(s) URL, got '" + config.baseline().baseUrl() + "'");
        }
        requirePositive(file, "app.readiness.timeout", app.readiness().timeout());
        requirePositive(file, "app.timeouts.request", app.timeouts().request());
        requirePositive(file, "app.timeouts.connect", app.timeouts().connect());
        if (config.log().file() != null && !config.log().command().isEmpty()) {
            throw ConfigException.at(file, "log", "set either log.file or log.command, not both");
        }
        List<SmokeConfig.EndpointCheck> endpoints = config.smoke().endpoints();
        for (int i = 0; i < endpoints.size(); i++) {
            SmokeConfig.EndpointCheck check = endpoints.get(i);
            String key = "smoke.endpoints[" + i + "]";
            if (check.path() == null || !check.path().startsWith("/")) {
                throw ConfigException.at(file, key + ".path", "a path starting with '/', e.g. /feed");
            }
            for (int j = 0; j < check.expect().size(); j++) {
                SmokeConfig.JsonExpectation expectation = check.expect().get(j);
                long conditions = Stream.of(expectation.equals(), expectation.exists(), expectation.type(),
                        expectation.matches(), expectation.atLeast()).filter(java.util.Objects::nonNull).count();
                if (conditions != 1) {
                    throw ConfigException.at(file, key + ".expect[" + j + "]",
                            "exactly one of equals, exists, type, matches, atLeast (got " + conditions + ")");
                }
                if (expectation.type() != null && !Set.of("array", "object", "string", "number", "boolean").contains(expectation.type())) {
                    throw ConfigException.at(file, key + ".expect[" + j + "].type",
                            "one of array, object, string, number, boolean, got '" + expectation.type() + "'");
                }
            }
        }
    }

    private static void requirePositive(String file, String key, Duration duration) {
        if (duration.isZero() || duration.isNegative()) {
            throw ConfigException.at(file, key, "a positive duration, got " + duration);
        }
    }

    /** Puts every {@code greenlight.<key>} property and {@code GREENLIGHT_<KEY>} variable into the tree. */
    private static Map<String, String> applyOverrides(ObjectNode tree, Settings settings) {
        Map<String, String> applied = new LinkedHashMap<>();
        for (String key : ConfigKeys.scalarKeys(TargetConfig.class)) {
            settings.lookup(PREFIX + key).ifPresent(value -> {
                put(tree, key, value);
                applied.put(key, settings.sourceOf(PREFIX + key).orElse("override"));
            });
        }
        return applied;
    }

    private static void put(ObjectNode tree, String dottedKey, String value) {
        String[] parts = dottedKey.split("\\.");
        ObjectNode node = tree;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = node.get(parts[i]);
            if (!(child instanceof ObjectNode)) {
                child = node.putObject(parts[i]);
            }
            node = (ObjectNode) child;
        }
        node.set(parts[parts.length - 1], TextNode.valueOf(value));
    }

    /** Replaces {@code ${VAR}} and {@code ${VAR:-default}} in every string with the environment's value. */
    private static void interpolate(JsonNode node, String path, String file, Settings settings) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
            fields.forEachRemaining(entries::add);
            for (Map.Entry<String, JsonNode> entry : entries) {
                String childPath = path.isEmpty() ? entry.getKey() : path + "." + entry.getKey();
                if (entry.getValue().isTextual()) {
                    object.set(entry.getKey(), TextNode.valueOf(resolve(entry.getValue().asText(), childPath, file, settings)));
                } else {
                    interpolate(entry.getValue(), childPath, file, settings);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                String childPath = path + "[" + i + "]";
                if (array.get(i).isTextual()) {
                    array.set(i, TextNode.valueOf(resolve(array.get(i).asText(), childPath, file, settings)));
                } else {
                    interpolate(array.get(i), childPath, file, settings);
                }
            }
        }
    }

    private static String resolve(String text, String key, String file, Settings settings) {
        Matcher matcher = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String variable = matcher.group(1);
            String fallback = matcher.group(2);
            String value = settings.envExact(variable).orElse(fallback);
            if (value == null) {
                throw ConfigException.at(file, key, "environment variable " + variable + " is not set (referenced as ${"
                        + variable + "}); export it, or write ${" + variable + ":-default}");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String available(Path suitesDir) {
        Path targets = suitesDir.resolve("targets");
        if (!Files.isDirectory(targets)) {
            return "There is no " + targets + " directory here (run from the project root).";
        }
        try (Stream<Path> files = Files.list(targets)) {
            Set<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - 5)).collect(Collectors.toCollection(TreeSet::new));
            return "Available targets: " + String.join(", ", names) + ".";
        } catch (IOException e) {
            return "";
        }
    }

    private static String path(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.length() == 0 ? "(top)" : out.toString();
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause instanceof JsonProcessingException json ? json.getOriginalMessage() : cause.getMessage();
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (type == Duration.class) {
            return Durations.EXPECTATION;
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            return "one of " + Stream.of(type.getEnumConstants()).map(c -> c.toString().toLowerCase()).collect(Collectors.joining(", "));
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "a mapping of keys";
        }
        if (type == String.class || type == Secret.class) {
            return "a text value";
        }
        return "a " + type.getSimpleName();
    }

    private static final class DurationDeserializer extends JsonDeserializer<Duration> {
        @Override
        public Duration deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = parser.getValueAsString();
            if (text == null) {
                return (Duration) context.handleUnexpectedToken(Duration.class, parser);
            }
            try {
                return Durations.parse(text);
            } catch (IllegalArgumentException e) {
                throw InvalidFormatException.from(parser, e.getMessage(), text, Duration.class);
            }
        }
    }

    private static final class SecretDeserializer extends JsonDeserializer<Secret> {
        @Override
        public Secret deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = parser.getValueAsString();
            if (text == null) {
                return (Secret) context.handleUnexpectedToken(Secret.class, parser);
            }
            return Secret.of(text);
        }
    }
}
