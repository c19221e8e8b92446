package dev.greenlight.gate;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("categories.json patterns: a failure lands under each criterion it names")
class GateCategoriesTests {

    @Test
    @DisplayName("a criterion's pattern matches its id anywhere in the prefix, and no other id")
    void shouldMatchTheCriterionPrefix() {
        String errorRate = GateCategories.regexFor("error-rate");

        assertThat("[criterion: error-rate] expected 200 but was 500").matches(errorRate);
        assertThat("[criterion: smoke, error-rate, latency-p95] Expecting\nmultiline").matches(errorRate);
        assertThat("[[criterion: error-rate] GET /feed?take=5: status (body: {})] \nExpecting actual:\n  500").as("inside an AssertJ description")
                .matches(errorRate);
        assertThat("expected 200\n[criterion: error-rate] on a later line").doesNotMatch(errorRate);
        assertThat("[criterion: error-rate-smoke] expected 200").doesNotMatch(errorRate);
        assertThat("[criterion: latency-p95] error-rate was high").doesNotMatch(errorRate);
        assertThat("expected 200 but was 500").doesNotMatch(errorRate);
    }

    @Test
    @DisplayName("a target that never came up or a configuration mistake is not blamed on the criterion")
    void shouldKeepEnvironmentFailuresApart() {
        String target = "[criterion: error-rate] TargetNotReadyException: target 'local' did not become ready within 60s";

        assertThat(target).doesNotMatch(GateCategories.regexFor("error-rate"));
        assertThat(target).matches(GateCategories.TARGET_REGEX);
        assertThat("target 'staging' stopped before it became ready: the application process exited").matches(GateCategories.TARGET_REGEX);
        assertThat("suites/targets/staging.yaml: key 'app.baseUrl': a remote target needs an http(s) URL").matches(GateCategories.CONFIGURATION_REGEX);
        assertThat("[criterion: error-rate] expected 200 but was 500").doesNotMatch(GateCategories.TARGET_REGEX)
                .doesNotMatch(GateCategories.CONFIGURATION_REGEX);
    }
}
