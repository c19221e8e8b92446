package dev.greenlight.config;

import java.util.Objects;

/**
 * Everything Greenlight knows about one target, read from {@code suites/targets/<name>.yaml}: one immutable
 * tree, resolved once per run by {@link ConfigLoader}.
 *
 * <p>Precedence, highest first:
 * <ol>
 *   <li>system property {@code greenlight.<key>} (also a JUnit configuration parameter), e.g.
 *       {@code -Dgreenlight.app.baseUrl=https://staging.example.com}</li>
 *   <li>environment variable {@code GREENLIGHT_<KEY>}: the key in upper snake case, dots as underscores,
 *       e.g. {@code GREENLIGHT_APP_BASE_URL}</li>
 *   <li>the target YAML file, where {@code ${VAR}} or {@code ${VAR:-default}} reads an environment variable
 *       (the only way secrets get in)</li>
 *   <li>the defaults written in each record's compact constructor</li>
 * </ol>
 *
 * @param name        target name: the file name without {@code .yaml}
 * @param kind        {@code local} starts the embedded default; {@code remote} only connects
 * @param description one line for the report
 * @param app         the deployed application: URL, health, version
 * @param database    the application's PostgreSQL, read-only for Greenlight
 * @param log         where the application's log is read from
 * @param metrics     where its Prometheus text is scraped, and the metric names it uses
 * @param smoke       the smoke suite's declarative endpoint checks
 * @param local       how the {@code local} kind starts PostgreSQL and the app; ignored for {@code remote}
 * @param browser     the browser used by browser journeys
 * @param testData    how the run tags and cleans the data it creates
 * @param migrations  where the application's Prisma migrations are and what integrity checks exclude
 * @param rollback    the rollback drill: steps and time targets
 * @param soak        the soak: profile and monitoring
 * @param gate        how the gate treats this target's runs
 * @param baseline    the baseline deployment running alongside, for a time-matched soak comparison
 * @param preflight   the pre-deployment checklist of the application's repository
 * @param probes      the upgrade-risk probes: pool burst, idle then burst, database outage, time-zone round trip
 */
public record TargetConfig(
        String name,
        Kind kind,
        String description,
        AppConfig app,
        DatabaseConfig database,
        LogConfig log,
        MetricsConfig metrics,
        SmokeConfig smoke,
        LocalConfig local,
        BrowserConfig browser,
        TestDataConfig testData,
        MigrationConfig migrations,
        RollbackConfig rollback,
        SoakConfig soak,
        GateConfig gate,
        BaselineConfig baseline,
        PreflightConfig preflight,
        ProbesConfig probes) {

    /** How a target is reached. */
    public enum Kind {
        /** Greenlight starts embedded PostgreSQL and the bundled sample app, and stops them. */
        LOCAL,
        /** A deployment somebody else runs; Greenlight only connects. */
        REMOTE
    }

    public TargetConfig {
        Objects.requireNonNull(name, "name");
        kind = kind == null ? Kind.REMOTE : kind;
        description = description == null ? "" : description;
        app = app == null ? new AppConfig(null, null, null, null, null, null) : app;
        database = database == null ? new DatabaseConfig(null, null, null, null, null, null) : database;
        log = log == null ? new LogConfig(null, null, null, null) : log;
        metrics = metrics == null ? new MetricsConfig(null, null) : metrics;
        smoke = smoke == null ? new SmokeConfig(null, null, null) : smoke;
        local = local == null ? new LocalConfig(null, null, null) : local;
        browser = browser == null ? new BrowserConfig(null, null, null, null, null, null, null, null) : browser;
        testData = testData == null ? new TestDataConfig(null, null, null, null, null) : testData;
        migrations = migrations == null ? new MigrationConfig(null, null) : migrations;
        rollback = rollback == null ? new RollbackConfig(null, null, null, null, null, null) : rollback;
        soak = soak == null ? new SoakConfig(null, null) : soak;
        gate = gate == null ? new GateConfig(null) : gate;
        baseline = baseline == null ? BaselineConfig.none() : baseline;
        preflight = preflight == null ? PreflightConfig.defaults() : preflight;
        probes = probes == null ? ProbesConfig.defaults() : probes;
    }

    /** A target without the sections added since ({@code preflight}, {@code probes}): their defaults. */
    public TargetConfig(String name, Kind kind, String description, AppConfig app, DatabaseConfig database, LogConfig log,
                        MetricsConfig metrics, SmokeConfig smoke, LocalConfig local, BrowserConfig browser, TestDataConfig testData,
                        MigrationConfig migrations, RollbackConfig rollback, SoakConfig soak, GateConfig gate, BaselineConfig baseline) {
        this(name, kind, description, app, database, log, metrics, smoke, local, browser, testData, migrations, rollback, soak, gate,
                baseline, null, null);
    }

    /** A target with every section at its defaults; add what a test needs with the {@code with...} methods. */
    public static TargetConfig defaults(String name, Kind kind) {
        return new TargetConfig(name, kind, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** The same target with other migration settings. */
    public TargetConfig withMigrations(MigrationConfig newMigrations) {
        return new TargetConfig(name, kind, description, app, database, log, metrics, smoke, local, browser,
                testData, newMigrations, rollback, soak, gate, baseline, preflight, probes);
    }

    /** The same target with the application's address filled in (the {@code local} kind learns it at start). */
    public TargetConfig withApp(AppConfig newApp) {
        return new TargetConfig(name, kind, description, newApp, database, log, metrics, smoke, local, browser,
                testData, migrations, rollback, soak, gate, baseline, preflight, probes);
    }

    /** The same target with the database connection filled in. */
    public TargetConfig withDatabase(DatabaseConfig newDatabase) {
        return new TargetConfig(name, kind, description, app, newDatabase, log, metrics, smoke, local, browser,
                testData, migrations, rollback, soak, gate, baseline, preflight, probes);
    }

    /** The same target with the baseline deployment filled in (the {@code local} kind starts one alongside). */
    public TargetConfig withBaseline(BaselineConfig newBaseline) {
        return new TargetConfig(name, kind, description, app, database, log, metrics, smoke, local, browser,
                testData, migrations, rollback, soak, gate, newBaseline, preflight, probes);
    }

    /** The same target with another preflight checklist (e.g. pointed at a scratch repository). */
    public TargetConfig withPreflight(PreflightConfig newPreflight) {
        return new TargetConfig(name, kind, description, app, database, log, metrics, smoke, local, browser,
                testData, migrations, rollback, soak, gate, baseline, newPreflight, probes);
    }

    /** The same target with the log source filled in. */
    public TargetConfig withLog(LogConfig newLog) {
        return new TargetConfig(name, kind, description, app, database, newLog, metrics, smoke, local, browser,
                testData, migrations, rollback, soak, gate, baseline, preflight, probes);
    }
}
