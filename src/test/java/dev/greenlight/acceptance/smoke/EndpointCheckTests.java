package dev.greenlight.acceptance.smoke;

import dev.greenlight.config.Durations;
import dev.greenlight.config.SmokeConfig;
import dev.greenlight.config.TargetConfig;
import dev.greenlight.evidence.Measurement;
import dev.greenlight.http.TargetHttp;
import dev.greenlight.run.EvidenceRecorder;
import dev.greenlight.run.RunContext;
import dev.greenlight.smoke.JsonExpectations;
import dev.greenlight.smoke.Smoke;
import io.qameta.allure.Allure;
import io.qameta.allure.Feature;
import io.restassured.response.Response;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

@Smoke
@Feature("Endpoint checks")
@DisplayName("Endpoints: the checks declared in the target file")
class EndpointCheckTests {

    @TestFactory
    @DisplayName("Each declared endpoint answers as expected within its budget")
    Stream<DynamicTest> shouldAnswerEachDeclaredCheck(RunContext run, TargetConfig target, TargetHttp http, EvidenceRecorder evidence) {
        List<SmokeConfig.EndpointCheck> checks = target.smoke().endpoints();
        assumeThat(checks).as("smoke.endpoints in the target file").isNotEmpty();
        return checks.stream().map(check -> DynamicTest.dynamicTest(check.name(), () -> {
            Allure.label("criterion", check.criterion());
            run.severityOf(check.criterion()).ifPresent(severity -> Allure.label("severity", severity));
            verify(target, http, evidence, check);
        }));
    }

    private static void verify(TargetConfig target, TargetHttp http, EvidenceRecorder evidence, SmokeConfig.EndpointCheck check) {
        Duration budget = check.budget() != null ? check.budget() : target.smoke().budget();
        String prefix = "[criterion: " + check.criterion() + "] " + check.method() + " " + check.path();

        List<Response> responses = new ArrayList<>();
        for (int i = 0; i < target.smoke().samples(); i++) {
            responses.add(given(check.api() ? http.api() : http.app()).request(check.method(), check.path()));
        }
        List<Long> millis = responses.stream().map(r -> r.getTimeIn(TimeUnit.MILLISECONDS)).toList();
        long errors = responses.stream().filter(r -> r.statusCode() >= 500).count();
        evidence.record(Measurement.of("error-rate", "smoke " + check.method() + " " + check.path()).rate(errors, responses.size()));

        for (Response response : responses) {
            assertThat(response.statusCode()).as("%s: status (body: %s)", prefix, abbreviate(response.asString()))
                    .isIn(check.status());
            assertThat(JsonExpectations.violations(response.asString(), check.expect()))
                    .as("%s: JSON expectations that do not hold", prefix).isEmpty();
        }
        Duration median = Duration.ofMillis(millis.stream().sorted().toList().get(millis.size() / 2));

        assertThat(median).as("%s: median of %d requests %s ms is %s, budget %s", prefix, millis.size(), millis,
                Durations.format(median), Durations.format(budget)).isLessThanOrEqualTo(budget);
    }

    private static String abbreviate(String body) {
        String flat = body.replaceAll("\\s+", " ").strip();
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }
}
