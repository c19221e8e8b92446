package dev.greenlight.acceptance.smoke;

import dev.greenlight.config.AppConfig;
import dev.greenlight.config.TargetConfig;
import dev.greenlight.http.TargetHttp;
import dev.greenlight.run.Criterion;
import dev.greenlight.smoke.Smoke;
import dev.greenlight.smoke.VersionLine;
import dev.greenlight.target.Target;
import io.qameta.allure.Allure;
import io.qameta.allure.Feature;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

@Smoke
@Feature("Deployed version")
@Criterion("critical-features")
@DisplayName("Version: the expected release is the one running")
class VersionTests {

    private AppConfig.VersionConfig version;

    @BeforeEach
    void expectedVersionIsDeclared(TargetConfig target) {
        version = target.app().version();
        assumeTrue(version.expected() != null, "app.version.expected is not set in the target file: nothing to compare with");
    }

    @Test
    @DisplayName("The health payload reports the expected version")
    void shouldReportExpectedVersionInHealth(TargetConfig target, TargetHttp http) {
        String reported = given(http.app()).get(target.app().health().path()).jsonPath().getString(version.healthField());

        assertThat(reported)
                .as("'%s' in the health payload of %s", version.healthField(), target.app().health().path())
                .isEqualTo(version.expected());
    }

    @Test
    @DisplayName("The application log proves the expected version started last")
    void shouldLogExpectedVersion(Target target) {
        List<String> log = target.log().tail(Integer.MAX_VALUE);

        Optional<VersionLine.Found> latest = new VersionLine(version.logPattern()).latest(log);
        latest.ifPresent(found -> Allure.addAttachment("latest start-up line", found.line()));

        assertThat(latest)
                .as("a line like '%s' in the log (%s, %d lines read)", version.logLineFor("<version>"), target.log().describe(), log.size())
                .isPresent();
        assertThat(latest.get().version())
                .as("the version in the latest line like '%s': %s", version.logLineFor("<version>"), latest.get().line())
                .isEqualTo(version.expected());
    }
}
