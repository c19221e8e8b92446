package dev.greenlight.acceptance.smoke;

import dev.greenlight.config.AppConfig;
import dev.greenlight.config.TargetConfig;
import dev.greenlight.evidence.Measurement;
import dev.greenlight.http.TargetHttp;
import dev.greenlight.run.Criterion;
import dev.greenlight.run.EvidenceRecorder;
import dev.greenlight.smoke.Smoke;
import io.qameta.allure.Feature;
import io.restassured.response.Response;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

@Smoke
@Feature("Health")
@DisplayName("Health: the deployment answers and reaches its database")
class HealthTests {

    @Test
    @Criterion("critical-features")
    @DisplayName("The health endpoint answers 200 with status ok")
    void shouldReportHealthy(TargetConfig target, TargetHttp http) {
        AppConfig.HealthConfig health = target.app().health();

        Response response = given(http.app()).get(health.path());

        assertThat(response.statusCode()).as("status of GET %s", health.path()).isEqualTo(200);
        assertThat(response.jsonPath().getString(health.statusField()))
                .as("'%s' in the health payload of GET %s", health.statusField(), health.path())
                .isEqualTo(health.okValue());
    }

    @Test
    @Criterion("db-connection")
    @DisplayName("The database health endpoint answers 200 with status ok: the app reaches PostgreSQL")
    void shouldReachDatabaseThroughTheApp(TargetConfig target, TargetHttp http, EvidenceRecorder evidence) {
        AppConfig.HealthConfig health = target.app().health();

        Response response = given(http.app()).get(health.dbPath());
        boolean ok = response.statusCode() == 200 && health.okValue().equals(response.jsonPath().getString(health.statusField()));
        evidence.record(Measurement.of("db-connection", "app database health check").count(ok ? 0 : 1, 1)
                .attribute("status", response.statusCode()));

        assertThat(response.statusCode())
                .as("status of GET %s (the app's own view of its database); body: %s", health.dbPath(), response.asString())
                .isEqualTo(200);
        assertThat(response.jsonPath().getString(health.statusField()))
                .as("'%s' in the payload of GET %s", health.statusField(), health.dbPath())
                .isEqualTo(health.okValue());
    }
}
