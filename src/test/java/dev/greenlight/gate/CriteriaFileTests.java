package dev.greenlight.gate;

import dev.greenlight.config.ConfigException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("The criteria file: the seed's numbers as defaults, and mistakes named by key")
class CriteriaFileTests {

    private static final String VALID = """
            criteria:
              - id: error-rate
                title: HTTP error rate
                priority: Critical
                statistic: rate
                go: "< 1%"
                noGo: "> 2%"
                rollback: "> 5%"
            """;

    @TempDir
    Path dir;

    @Test
    @DisplayName("the shipped file holds every criterion of DESIGN §5 with the seed's lines")
    void shouldShipEveryCriterionOfTheDesign() {
        Criteria criteria = GateFixtures.seedCriteria();

        assertThat(criteria.criteria()).extracting(CriterionSpec::id).containsExactly("error-rate", "latency-avg", "latency-p95",
                "db-query-avg", "pool-usage", "memory", "cpu", "baseline", "baseline-p95", "data-integrity", "critical-features", "tests-passing",
                "migrations", "rollback-drill", "db-connection", "sign-off", "preflight", "pool-wait", "db-outage", "db-tls", "timestamps",
                "metrics-presence", "memory-rss");
        CriterionSpec errorRate = criteria.byId("error-rate").orElseThrow();
        assertThat(errorRate.go().text()).isEqualTo("< 1%");
        assertThat(errorRate.noGo().text()).isEqualTo("> 2%");
        assertThat(errorRate.rollback().text()).isEqualTo("> 5%");
        assertThat(errorRate.priority()).isEqualTo(Priority.CRITICAL);
        assertThat(errorRate.minDuration()).isEqualTo(Duration.ofHours(24));
        assertThat(criteria.byId("latency-p95").orElseThrow().statistic().percentile()).isEqualTo(95);
        assertThat(criteria.byId("baseline").orElseThrow().rollback().text()).isEqualTo("> 50%");
        assertThat(criteria.byId("critical-features").orElseThrow().source()).isEqualTo(CriterionSpec.Source.TESTS);
        assertThat(criteria.byId("error-rate").orElseThrow().confidence()).isEqualTo(0.95);
    }

    @Test
    @DisplayName("defaults: evidence is the criterion's own id, the aggregate the first that fits")
    void shouldFillDefaults() throws Exception {
        CriterionSpec spec = CriteriaFile.load(write(VALID)).criteria().get(0);

        assertThat(spec.evidence()).containsExactly("error-rate");
        assertThat(spec.aggregate()).isEqualTo(Aggregate.SUM);
        assertThat(spec.source()).isEqualTo(CriterionSpec.Source.EVIDENCE);
        assertThat(spec.minSamples()).isEqualTo(1);
    }

    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of("go: \"< 1%\"", "go: \"fast\"", "'criteria[0] (error-rate).go': expected a threshold like"),
                Arguments.of("go: \"< 1%\"", "go: \"< 1 parsecs\"", "unknown unit 'parsecs'"),
                Arguments.of("priority: Critical", "priority: Urgent", "'criteria[0] (error-rate).priority': Critical, High or Medium, got 'Urgent'"),
                Arguments.of("statistic: rate", "statistic: median", "'criteria[0] (error-rate).statistic': one of rate, mean"),
                Arguments.of("statistic: rate", "statistic: rate\n    aggregate: max", "'criteria[0] (error-rate).aggregate': statistic 'rate' combines with sum"),
                Arguments.of("title: HTTP error rate", "titel: HTTP error rate", "'criteria[0] (error-rate).titel': unknown key"),
                Arguments.of("go: \"< 1%\"", "go: \"\"", "'criteria[0] (error-rate).go': missing"),
                Arguments.of("statistic: rate", "statistic: pass-rate\n    source: evidence", "cannot be computed from source 'evidence'"),
                Arguments.of("rollback: \"> 5%\"", "rollback: \"> 5%\"\n    minDuration: a day", "'criteria[0] (error-rate).minDuration': expected a duration"),
                Arguments.of("rollback: \"> 5%\"", "rollback: \"> 5%\"\n    confidence: 95", "'criteria[0] (error-rate).confidence': a confidence level"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("mistakes")
    @DisplayName("an invalid file fails with the key named")
    void shouldNameTheKeyOfAMistake(String valid, String broken, String message) throws Exception {
        Path file = write(VALID.replace(valid, broken));

        assertThatThrownBy(() -> CriteriaFile.load(file)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(file.toString()).hasMessageContaining(message);
    }

    @Test
    @DisplayName("duplicate ids, an empty list and bad YAML are named too")
    void shouldRejectStructuralMistakes() throws Exception {
        assertThatThrownBy(() -> CriteriaFile.load(write(VALID + VALID.substring(VALID.indexOf("  - id")))))
                .hasMessageContaining("criteria[1].id").hasMessageContaining("declared twice");
        assertThatThrownBy(() -> CriteriaFile.load(write("criteria: []\n"))).hasMessageContaining("key 'criteria'");
        assertThatThrownBy(() -> CriteriaFile.load(write("criteria:\n  - id: x\n    go: > 2%\n  oops"))).hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> CriteriaFile.load(dir.resolve("missing.yaml"))).hasMessageContaining("does not exist");
    }

    private Path write(String yaml) throws Exception {
        return Files.writeString(dir.resolve("go-no-go.yaml"), yaml);
    }
}
