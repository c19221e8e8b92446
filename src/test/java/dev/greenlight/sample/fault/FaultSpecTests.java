package dev.greenlight.sample.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Fault spec parsing is strict and canonical")
class FaultSpecTests {

    @Test
    void shouldParseEveryRuntimeFault() {
        FaultSpec spec = FaultSpec.parse("latency=300ms, slowdown=30%,errors=3%,down=/publish,down=/ui/publish,"
                + "search=broken,health=down,db=down,leak=16KB,cache=8MB,pool-leak=9,slow-queries=80ms,ui-feed=stale");

        assertThat(spec.latency()).contains(Duration.ofMillis(300));
        assertThat(spec.slowdown().getAsDouble()).isEqualTo(0.30);
        assertThat(spec.errors().getAsDouble()).isEqualTo(0.03);
        assertThat(spec.downPrefixes()).containsExactly("/publish", "/ui/publish");
        assertThat(spec.searchBroken()).isTrue();
        assertThat(spec.healthDown()).isTrue();
        assertThat(spec.dbDown()).isTrue();
        assertThat(spec.leakBytes().getAsLong()).isEqualTo(16 * 1024);
        assertThat(spec.cacheBytes().getAsLong()).isEqualTo(8L * 1024 * 1024);
        assertThat(spec.poolLeak()).isEqualTo(9);
        assertThat(spec.slowQueries()).contains(Duration.ofMillis(80));
        assertThat(spec.uiFeedStale()).isTrue();
        assertThat(spec.startOnlyPart().isEmpty()).as("no start-only fault in a run-time spec").isTrue();
    }

    @Test
    void shouldParseEveryStartOnlyFault() {
        FaultSpec spec = FaultSpec.parse("version=7.0.0,migration=fail,migration=edited,migration=unknown-row,"
                + "index=dropped,corrupt=5,baseline=broken");

        assertThat(spec.version()).contains("7.0.0");
        assertThat(spec.migration()).containsExactlyInAnyOrder("fail", "edited", "unknown-row");
        assertThat(spec.indexDropped()).isTrue();
        assertThat(spec.corrupt()).isEqualTo(5);
        assertThat(spec.baselineBroken()).isTrue();
        assertThat(spec.runtimePart().isEmpty()).isTrue();
    }

    @Test
    void shouldSplitStartOnlyFromRuntimeAndMergeThemBack() {
        FaultSpec spec = FaultSpec.parse("errors=3%,version=7.0.0");

        assertThat(spec.runtimePart()).hasToString("errors=3%");
        assertThat(spec.startOnlyPart()).hasToString("version=7.0.0");
        assertThat(spec.withRuntime(FaultSpec.parse("latency=1s"))).hasToString("latency=1s,version=7.0.0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "none"})
    void shouldTreatBlankAndNoneAsNoFaults(String text) {
        assertThat(FaultSpec.parse(text).isEmpty()).isTrue();
        assertThat(FaultSpec.parse(text)).hasToString("none");
    }

    @Test
    void shouldRejectUnknownFaultNamingTheKnownOnes() {
        assertThatThrownBy(() -> FaultSpec.parse("latency=1s,explode=yes"))
                .isInstanceOf(FaultSpecException.class)
                .hasMessageContaining("Unknown fault 'explode'")
                .hasMessageContaining("slow-queries");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "latency=fast|not a duration",
            "errors=3|not a percentage",
            "errors=150%|more than 100%",
            "leak=16|not a size",
            "pool-leak=0|at least 1",
            "down=publish|path prefix",
            "version=seven|not a version",
            "migration=maybe|not one of fail, edited, unknown-row",
            "db=up|not one of down",
            "latency|expected name=value",
            "latency=1s,,errors=1%|empty item",
            "latency=1s,latency=2s|more than once"})
    void shouldRejectBadValuesWithAClearMessage(String spec, String expected) {
        assertThatThrownBy(() -> FaultSpec.parse(spec)).isInstanceOf(FaultSpecException.class).hasMessageContaining(expected);
    }

    @Test
    void shouldPrintCanonicalSpecInDeclarationOrder() {
        assertThat(FaultSpec.parse("db=down,latency=300ms,down=/b,down=/a,down=/b")).hasToString("latency=300ms,down=/b,down=/a,db=down");
    }

    @Test
    void shouldMatchDownPrefixesAgainstPaths() {
        FaultSpec spec = FaultSpec.parse("down=/publish");

        assertThat(spec.downPrefixFor("/publish/12")).contains("/publish");
        assertThat(spec.downPrefixFor("/ui/publish/12")).isEmpty();
    }
}
