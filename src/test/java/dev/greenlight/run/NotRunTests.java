package dev.greenlight.run;

import dev.greenlight.critical.browser.BrowserUnavailableException;
import dev.greenlight.db.DatabaseAccessRefused;
import dev.greenlight.db.DatabaseUnavailableException;
import dev.greenlight.target.LogUnavailableException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.opentest4j.AssertionFailedError;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The boundary: what the harness could not check (not run) against what the application failed")
class NotRunTests {

    @Test
    @DisplayName("the harness's trouble is not run, however deep a resolver or lifecycle method wrapped it")
    void shouldClassifyTheHarnessesTroubleAsNotRun() {
        BrowserUnavailableException noBrowser = new BrowserUnavailableException("no Chromium on the PATH", "apt-get install chromium");
        ParameterResolutionException wrapped = new ParameterResolutionException("Failed to resolve parameter [Browser browser]", noBrowser);

        assertThat(NotRun.of(wrapped)).as("a browser that cannot start").hasValueSatisfying(notRun -> {
            assertThat(notRun.reason()).isEqualTo("no Chromium on the PATH");
            assertThat(notRun.fix()).isEqualTo("apt-get install chromium");
            assertThat(notRun.getMessage()).isEqualTo("not run: no Chromium on the PATH — fix: apt-get install chromium");
            assertThat(notRun.outOfScope()).isFalse();
        });
        assertThat(NotRun.of(new LogUnavailableException("cannot run log command 'kubectl logs': No such file")))
                .as("a log command that is not installed").isPresent();
        assertThat(NotRun.of(refused("28P01"))).as("Greenlight's role with a wrong password").isPresent();
        assertThat(NotRun.of(refused("42501"))).as("Greenlight's role without the rights a probe needs")
                .hasValueSatisfying(notRun -> assertThat(notRun.fix()).contains("GRANT pg_read_all_data"));
    }

    @Test
    @DisplayName("what the application answered, or its database being down, is a failure, never 'not run'")
    void shouldLeaveTheApplicationsFailuresAlone() {
        assertThat(NotRun.of(new AssertionFailedError("status expected 200 but was 500"))).as("an assertion about the answer").isEmpty();
        assertThat(NotRun.of(new DatabaseUnavailableException("cannot connect: Connection refused",
                new SQLException("Connection refused", "08001")))).as("the database is down").isEmpty();
        assertThat(NotRun.of(new IllegalStateException("the soak's setup requests failed"))).as("an error in the run").isEmpty();
        assertThat(DatabaseAccessRefused.refusal(new SQLException("timeout", "57014"))).as("a statement timeout is the database's").isFalse();
    }

    @Test
    @DisplayName("a part the target declares out of scope says so and names the key")
    void shouldNameTheKeyOfAnOutOfScopePart() {
        NotRun declared = NotRun.outOfScope("browser journeys", "browser.enabled: false in suites/targets/prisma.yaml");

        assertThat(declared.outOfScope()).isTrue();
        assertThat(declared.getMessage()).isEqualTo("out of scope for this target: browser journeys (browser.enabled: false in suites/targets/prisma.yaml)");
    }

    private static DatabaseAccessRefused refused(String sqlState) {
        SQLException e = new SQLException("refused", sqlState);
        assertThat(DatabaseAccessRefused.refusal(e)).as("SQLState %s is a refusal of Greenlight's role", sqlState).isTrue();
        return new DatabaseAccessRefused("cannot connect as greenlight_reader", fixOf(sqlState), e);
    }

    private static String fixOf(String sqlState) {
        return sqlState.equals("42501") ? "grant Greenlight's read-only role what the check reads, e.g. GRANT pg_read_all_data, pg_monitor TO <role>"
                : "check database.user and database.password";
    }
}
