package dev.greenlight.sample.fault;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Every fault the sample app knows, with how its value parses and whether it can be switched at run
 * time. Start-only faults shape start-up (migrations, data, reported version) and are refused at run
 * time.
 */
public enum FaultKind {

    LATENCY("latency", false, false, Quantities::duration),
    SLOWDOWN("slowdown", false, false, Quantities::percent),
    ERRORS("errors", false, false, Quantities::percent),
    DOWN("down", false, true, FaultKind::pathPrefix),
    SEARCH("search", false, false, literal("broken")),
    HEALTH("health", false, false, literal("down")),
    DB("db", false, false, literal("down", "stalled")),
    LEAK("leak", false, false, Quantities::bytes),
    CACHE("cache", false, false, Quantities::bytes),
    POOL_LEAK("pool-leak", false, false, Quantities::positiveCount),
    SLOW_QUERIES("slow-queries", false, false, Quantities::duration),
    UI_FEED("ui-feed", false, false, literal("stale")),
    POOL_SLOW("pool-slow", false, false, Quantities::duration),
    TIMEZONE("timezone", false, false, FaultKind::zone),
    METRICS_MISSING("metrics-missing", false, true, FaultKind::seriesName),
    NATIVE_LEAK("native-leak", false, false, Quantities::bytes),
    VERSION("version", true, false, FaultKind::semver),
    MIGRATION("migration", true, true, literal("fail", "edited", "unknown-row")),
    INDEX("index", true, false, literal("dropped")),
    CORRUPT("corrupt", true, false, Quantities::positiveCount),
    BASELINE("baseline", true, false, literal("broken"));

    private static final Pattern SEMVER = Pattern.compile("\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?");
    private static final Pattern PREFIX = Pattern.compile("/[^\\s,]*");

    private final String key;
    private final boolean startOnly;
    private final boolean repeatable;
    private final Function<String, Object> parser;

    FaultKind(String key, boolean startOnly, boolean repeatable, Function<String, Object> parser) {
        this.key = key;
        this.startOnly = startOnly;
        this.repeatable = repeatable;
        this.parser = parser;
    }

    /** The name used in a spec, e.g. {@code slow-queries}. */
    public String key() {
        return key;
    }

    /** Whether the fault may only be given at start-up. */
    public boolean startOnly() {
        return startOnly;
    }

    /** Whether the fault may appear more than once in a spec ({@code down}, {@code migration}). */
    public boolean repeatable() {
        return repeatable;
    }

    Object parse(String value) {
        return parser.apply(value);
    }

    /** The kind with that spec name. */
    public static Optional<FaultKind> byKey(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }

    private static Function<String, Object> literal(String... allowed) {
        return value -> {
            for (String a : allowed) {
                if (a.equals(value)) {
                    return a;
                }
            }
            throw new FaultSpecException("'" + value + "' is not one of " + String.join(", ", allowed));
        };
    }

    private static Object semver(String value) {
        if (!SEMVER.matcher(value).matches()) {
            throw new FaultSpecException("'" + value + "' is not a version like 7.0.0");
        }
        return value;
    }

    private static Object zone(String value) {
        try {
            return java.time.ZoneId.of(value);
        } catch (java.time.DateTimeException e) {
            throw new FaultSpecException("'" + value + "' is not a time zone like America/New_York or -05:00");
        }
    }

    private static Object seriesName(String value) {
        if (!value.matches("[a-zA-Z_:][a-zA-Z0-9_:]*")) {
            throw new FaultSpecException("'" + value + "' is not a metric name like pg_pool_idle_connections");
        }
        return value;
    }

    private static Object pathPrefix(String value) {
        if (!PREFIX.matcher(value).matches()) {
            throw new FaultSpecException("'" + value + "' is not a path prefix starting with /");
        }
        return value;
    }
}
