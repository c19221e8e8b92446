package dev.greenlight.acceptance.probes;

import dev.greenlight.db.ReadOnlyDatabase;
import dev.greenlight.evidence.Measurement;
import dev.greenlight.probes.ProbeContext;
import dev.greenlight.probes.Probes;
import dev.greenlight.probes.SessionTls;
import dev.greenlight.run.Criterion;
import dev.greenlight.run.EvidenceRecorder;
import dev.greenlight.run.NotRun;
import dev.greenlight.run.RunContext;
import io.qameta.allure.Allure;
import io.qameta.allure.Feature;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@Probes
@Feature("TLS")
@Criterion("db-tls")
@DisplayName("TLS: the application's own database sessions use TLS as the target file expects")
class TlsProbeTests {

    @Test
    @DisplayName("pg_stat_ssl shows every application session with TLS as database.expectSsl says")
    void shouldUseTlsAsExpected(RunContext run, EvidenceRecorder evidence) throws Exception {
        Boolean expected = run.config().database().expectSsl();
        if (expected == null) {
            throw NotRun.outOfScope("the TLS probe (no expectation)", "database.expectSsl not set in " + run.sourceOf("database.expectSsl"));
        }
        // one request through the application, so it holds a session to look at
        ProbeContext.http(run).getAsync(run.config().probes().pool().path(), Duration.ofSeconds(10)).get();
        List<SessionTls.Session> sessions = SessionTls.read(new ReadOnlyDatabase(run.config().database(), run.masker()));
        if (sessions.isEmpty()) {
            throw NotRun.because("the application held no database session to look at in pg_stat_ssl",
                    "check that database.jdbcUrl is the application's database and that Greenlight's role has pg_monitor");
        }
        List<SessionTls.Session> wrong = sessions.stream().filter(session -> session.ssl() != expected).toList();
        Allure.addAttachment("application sessions (pg_stat_ssl)", "text/plain", String.join("\n", sessions.stream().map(Object::toString).toList()), ".txt");
        evidence.record(Measurement.of("db-tls", "application sessions whose TLS differs from database.expectSsl: " + expected)
                .count(wrong.size(), sessions.size()));

        assertThat(wrong).as("application sessions not %s TLS (database.expectSsl: %s)", expected ? "using" : "without", expected)
                .extracting(Object::toString).isEmpty();
    }
}
