package dev.greenlight.matrix;

import dev.greenlight.gate.Decision;

import java.util.List;
import java.util.Map;

import static dev.greenlight.matrix.SignOffSheet.ALL_GO;
import static dev.greenlight.matrix.SignOffSheet.ONE_CONCERN;
import static dev.greenlight.matrix.SignOffSheet.PENDING;
import static dev.greenlight.matrix.SignOffSheet.STALE_GO;

/**
 * The fault matrix of issues 8, 12 and 14, row by row, in the parts that run side by side. A row runs the suites
 * that can see its fault (all of them for the healthy app; the soak for what only load shows), so a 3 % error rate is
 * judged by the error-rate criterion rather than by whichever journey happened to draw a 500. Sign-off rows re-judge
 * the healthy row's evidence ({@link SignOffRow}); the "earlier run" row's sheet has two GOs given for another
 * fingerprint, which must not count.
 */
final class Rows {

    static final Row HEALTHY = new Row("healthy, candidate 7.0.1, baseline 6.19.0 alongside", "", null, PENDING,
            Expected.goAwaitingSignOff(), null);

    /** Rows the suites see, the harness's own trouble, and the sign-off rows that re-judge the healthy row's evidence. */
    static final List<Row> SUITES = List.of(
            HEALTHY,
            new Row("the same with every role signed off", null, null, ALL_GO, Expected.go(), null),
            new Row("a reviewer signed CONCERNS", null, null, ONE_CONCERN, Expected.exactly(Decision.NO_GO), "sign-off"),
            new Row("signed GO for an earlier run", null, null, STALE_GO, Expected.goAwaitingSignOff(STALE_GO.staleRoles()), null),
            new Row("publishing broken", "down=/publish,down=/ui/publish", "smoke | critical", PENDING,
                    Expected.exactly(Decision.ROLLBACK), "critical-features"),
            new Row("rows corrupted after the upgrade", "corrupt=5", "smoke | migration", PENDING,
                    Expected.exactly(Decision.ROLLBACK), "data-integrity"),
            new Row("a failed migration", "migration=fail", "smoke | migration", PENDING, Expected.exactly(Decision.NO_GO), "migrations"),
            new Row("baseline will not start (rollback fails)", "baseline=broken", "smoke | rollback", PENDING,
                    Expected.exactly(Decision.NO_GO), "rollback-drill"),
            new Row("database down", "db=down", "smoke", PENDING, Expected.exactly(Decision.ROLLBACK), "db-connection"),
            new Row("no browser on this machine", "", "critical", PENDING, Expected.exactly(Decision.HOLD), "critical-features",
                    Map.of("greenlight.browser.binary", "/nowhere/chromium"), "apt-get install chromium chromium-driver"),
            new Row("a critical journey not run (Selenium Grid unreachable)", "", "critical", PENDING, Expected.exactly(Decision.HOLD),
                    "critical-features", Map.of("greenlight.browser.remoteUrl", "http://127.0.0.1:9/wd/hub"),
                    "the Selenium Grid at browser.remoteUrl http://127.0.0.1:9/wd/hub gave no browser session"),
            new Row("browser journeys declared out of scope", "", null, PENDING, Expected.goAwaitingSignOff(), null,
                    Map.of("greenlight.browser.enabled", "false"), "out of scope: browser journeys (browser.enabled: false in property greenlight.browser.enabled)"));

    /** Error rates only the soak's thousands of requests resolve, and the leak. */
    static final List<Row> ERRORS = List.of(
            new Row("errors 1.5 %", "errors=1.5%", "soak", PENDING, Expected.exactly(Decision.HOLD), "error-rate"),
            new Row("errors 3 %", "errors=3%", "soak", PENDING, Expected.exactly(Decision.NO_GO), "error-rate"),
            new Row("errors 6 %", "errors=6%", "soak", PENDING, Expected.exactly(Decision.ROLLBACK), "error-rate"),
            new Row("memory leak", "leak=16KB", "soak", PENDING, Expected.exactly(Decision.NO_GO), "memory"),
            new Row("native memory grows, the heap stays flat", "native-leak=16KB", "soak", PENDING, Expected.exactly(Decision.NO_GO),
                    "memory-rss"));

    /** What only load shows, against the baseline running beside the candidate. */
    static final List<Row> LOAD = List.of(
            new Row("latency +30 % against the baseline", "slowdown=30%", "soak", PENDING, Expected.exactly(Decision.NO_GO), "baseline"),
            new Row("latency +60 % against the baseline", "slowdown=60%", "soak", PENDING, Expected.exactly(Decision.ROLLBACK), "baseline"),
            new Row("pool exhaustion", "pool-leak=9", "soak", PENDING, Expected.oneOf(Decision.NO_GO, Decision.HOLD), "pool-usage"),
            new Row("slow queries", "slow-queries=80ms", "soak", PENDING, Expected.notGo(), "db-query-avg"));

    /**
     * The preflight's faults (in the scratch repository: {@code repo=<fault>}, see {@code testkit.ScratchRepos}) and the
     * upgrade-risk probes' (the sample app's faults, or a target setting the deployment does not meet).
     */
    static final List<Row> UPGRADE = List.of(
            new Row("an unpinned Prisma version (caret range)", "repo=unpinned", "preflight", PENDING, Expected.exactly(Decision.NO_GO), "preflight"),
            new Row("uncommitted work on the upgrade branch", "repo=dirty", "preflight", PENDING, Expected.exactly(Decision.NO_GO), "preflight"),
            new Row("a build Prisma 7 rejects (url in the schema)", "repo=build", "preflight", PENDING, Expected.exactly(Decision.NO_GO), "preflight"),
            new Row("the pool waits forever and is slow", "pool-slow=2500ms", "probes", PENDING, Expected.exactly(Decision.NO_GO), "pool-wait"),
            new Row("timestamps shifted on write (session not in UTC)", "timezone=America/New_York", "probes", PENDING,
                    Expected.exactly(Decision.NO_GO), "timestamps"),
            new Row("a metrics series gone (no more $metrics)", "metrics-missing=pg_pool_idle_connections", "probes", PENDING,
                    Expected.exactly(Decision.HOLD), "metrics-presence", Map.of(), "pg_pool_idle_connections"),
            new Row("TLS expected, the app's sessions use none", "", "probes", PENDING, Expected.exactly(Decision.NO_GO), "db-tls",
                    Map.of("greenlight.database.expectSsl", "true"), null));

    private Rows() {
    }

    /** {@code errors 1.5 %} → {@code errors-1-5}: a directory and run-id friendly name. */
    static String slug(Row row) {
        String slug = row.name().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.length() > 32 ? slug.substring(0, 32).replaceAll("-$", "") : slug;
    }
}
