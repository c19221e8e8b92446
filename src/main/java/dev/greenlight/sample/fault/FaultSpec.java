package dev.greenlight.sample.fault;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * An immutable, strictly parsed set of faults such as {@code latency=300ms,errors=3%,down=/publish}.
 * {@link #toString()} gives the canonical spec (kinds in declaration order), or {@code none}.
 */
public final class FaultSpec {

    /** No faults. */
    public static final FaultSpec NONE = new FaultSpec(List.of());

    /** One parsed item: its kind, its value as written, and the parsed value. */
    public record Fault(FaultKind kind, String value, Object parsed) {
        @Override
        public String toString() {
            return kind.key() + "=" + value;
        }
    }

    private final List<Fault> faults;

    private FaultSpec(List<Fault> faults) {
        List<Fault> sorted = new ArrayList<>(faults);
        sorted.sort(Comparator.comparing(Fault::kind));
        this.faults = List.copyOf(sorted);
    }

    /**
     * Parses a comma-separated spec; blank or {@code none} means no faults.
     *
     * @throws FaultSpecException naming the bad item and what was expected
     */
    public static FaultSpec parse(String spec) {
        if (spec == null || spec.isBlank() || spec.trim().equals("none")) {
            return NONE;
        }
        List<Fault> faults = new ArrayList<>();
        for (String rawItem : spec.split(",", -1)) {
            String item = rawItem.trim();
            if (item.isEmpty()) {
                throw new FaultSpecException("Invalid fault spec '" + spec + "': empty item");
            }
            int eq = item.indexOf('=');
            if (eq <= 0) {
                throw new FaultSpecException("Invalid fault '" + item + "': expected name=value");
            }
            String name = item.substring(0, eq).trim();
            String value = item.substring(eq + 1).trim();
            FaultKind kind = FaultKind.byKey(name).orElseThrow(() -> new FaultSpecException(
                    "Unknown fault '" + name + "' in '" + item + "'; known faults: "
                            + Arrays.stream(FaultKind.values()).map(FaultKind::key).collect(Collectors.joining(", "))));
            Object parsed;
            try {
                parsed = kind.parse(value);
            } catch (FaultSpecException e) {
                throw new FaultSpecException("Invalid fault '" + item + "': " + e.getMessage());
            }
            boolean seen = faults.stream().anyMatch(f -> f.kind() == kind);
            if (seen && !kind.repeatable()) {
                throw new FaultSpecException("Fault '" + name + "' is given more than once in '" + spec + "'");
            }
            boolean duplicate = faults.stream().anyMatch(f -> f.kind() == kind && f.value().equals(value));
            if (!duplicate) {
                faults.add(new Fault(kind, value, parsed));
            }
        }
        return new FaultSpec(faults);
    }

    public boolean isEmpty() {
        return faults.isEmpty();
    }

    public List<Fault> faults() {
        return faults;
    }

    /** The faults that can be switched at run time. */
    public FaultSpec runtimePart() {
        return new FaultSpec(faults.stream().filter(f -> !f.kind().startOnly()).toList());
    }

    /** The faults that only apply at start-up. */
    public FaultSpec startOnlyPart() {
        return new FaultSpec(faults.stream().filter(f -> f.kind().startOnly()).toList());
    }

    /** These faults with {@code more} added (a kind given again takes the new value, unless it is repeatable). */
    public FaultSpec plus(FaultSpec more) {
        List<Fault> merged = new ArrayList<>(faults.stream()
                .filter(f -> f.kind().repeatable() || more.faults.stream().noneMatch(m -> m.kind() == f.kind())).toList());
        more.faults.stream().filter(m -> !merged.contains(m)).forEach(merged::add);
        return new FaultSpec(merged);
    }

    /** These faults without any of the given kinds. */
    public FaultSpec without(Set<FaultKind> kinds) {
        return new FaultSpec(faults.stream().filter(f -> !kinds.contains(f.kind())).toList());
    }

    /** This spec's start-only faults plus the other spec's run-time faults. */
    public FaultSpec withRuntime(FaultSpec runtime) {
        List<Fault> merged = new ArrayList<>(startOnlyPart().faults);
        merged.addAll(runtime.runtimePart().faults);
        return new FaultSpec(merged);
    }

    private Optional<Object> value(FaultKind kind) {
        return faults.stream().filter(f -> f.kind() == kind).map(Fault::parsed).findFirst();
    }

    private boolean has(FaultKind kind) {
        return value(kind).isPresent();
    }

    public Optional<Duration> latency() {
        return value(FaultKind.LATENCY).map(Duration.class::cast);
    }

    /** Extra delay as a fraction of the request's own handling time. */
    public OptionalDouble slowdown() {
        return value(FaultKind.SLOWDOWN).map(v -> OptionalDouble.of((Double) v)).orElse(OptionalDouble.empty());
    }

    /** Fraction of API requests that fail with 500. */
    public OptionalDouble errors() {
        return value(FaultKind.ERRORS).map(v -> OptionalDouble.of((Double) v)).orElse(OptionalDouble.empty());
    }

    public List<String> downPrefixes() {
        return faults.stream().filter(f -> f.kind() == FaultKind.DOWN).map(Fault::value).toList();
    }

    /** The {@code down=} prefix the path starts with, if any. */
    public Optional<String> downPrefixFor(String path) {
        return downPrefixes().stream().filter(path::startsWith).findFirst();
    }

    public boolean searchBroken() {
        return has(FaultKind.SEARCH);
    }

    public boolean healthDown() {
        return has(FaultKind.HEALTH);
    }

    /** {@code db=down}: the database refuses connections. */
    public boolean dbDown() {
        return value(FaultKind.DB).filter("down"::equals).isPresent();
    }

    /** {@code db=stalled}: the database accepts but does not answer, as a stopped server or a dropped network does. */
    public boolean dbStalled() {
        return value(FaultKind.DB).filter("stalled"::equals).isPresent();
    }

    /** {@code pool-slow=}: opening a connection takes this long, and no wait for the database has a limit. */
    public Optional<Duration> poolSlow() {
        return value(FaultKind.POOL_SLOW).map(Duration.class::cast);
    }

    /** {@code timezone=}: timestamps written as that zone's wall clock and read back as if they were (adapter-pg #28629). */
    public Optional<java.time.ZoneId> timezone() {
        return value(FaultKind.TIMEZONE).map(java.time.ZoneId.class::cast);
    }

    /** {@code metrics-missing=}: series left out of {@code /metrics}. */
    public Set<String> metricsMissing() {
        return faults.stream().filter(f -> f.kind() == FaultKind.METRICS_MISSING).map(Fault::value).collect(Collectors.toCollection(TreeSet::new));
    }

    /** {@code native-leak=}: bytes kept outside the heap per API request. */
    public OptionalLong nativeLeakBytes() {
        return value(FaultKind.NATIVE_LEAK).map(v -> OptionalLong.of((Long) v)).orElse(OptionalLong.empty());
    }

    public OptionalLong leakBytes() {
        return value(FaultKind.LEAK).map(v -> OptionalLong.of((Long) v)).orElse(OptionalLong.empty());
    }

    public OptionalLong cacheBytes() {
        return value(FaultKind.CACHE).map(v -> OptionalLong.of((Long) v)).orElse(OptionalLong.empty());
    }

    /** Pool connections to check out and never return; 0 for none. */
    public int poolLeak() {
        return value(FaultKind.POOL_LEAK).map(Integer.class::cast).orElse(0);
    }

    public Optional<Duration> slowQueries() {
        return value(FaultKind.SLOW_QUERIES).map(Duration.class::cast);
    }

    public boolean uiFeedStale() {
        return has(FaultKind.UI_FEED);
    }

    /** The Prisma version to report instead of the real one. */
    public Optional<String> version() {
        return value(FaultKind.VERSION).map(String.class::cast);
    }

    /** The {@code migration=} values: any of {@code fail}, {@code edited}, {@code unknown-row}. */
    public Set<String> migration() {
        return faults.stream().filter(f -> f.kind() == FaultKind.MIGRATION).map(Fault::value)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    public boolean indexDropped() {
        return has(FaultKind.INDEX);
    }

    /** Post rows to damage silently after migrating; 0 for none. */
    public int corrupt() {
        return value(FaultKind.CORRUPT).map(Integer.class::cast).orElse(0);
    }

    public boolean baselineBroken() {
        return has(FaultKind.BASELINE);
    }

    @Override
    public String toString() {
        return faults.isEmpty() ? "none" : faults.stream().map(Fault::toString).collect(Collectors.joining(","));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FaultSpec other && other.toString().equals(toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }
}
