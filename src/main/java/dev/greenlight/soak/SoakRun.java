package dev.greenlight.soak;

import dev.greenlight.config.BaselineConfig;
import dev.greenlight.config.Masker;
import dev.greenlight.config.MetricsConfig;
import dev.greenlight.config.TargetConfig;
import dev.greenlight.db.ReadOnlyDatabase;
import dev.greenlight.soak.load.ArrivalSchedule;
import dev.greenlight.soak.load.HttpMix;
import dev.greenlight.soak.load.LoadDriver;
import dev.greenlight.soak.load.LoadInterval;
import dev.greenlight.soak.load.LoadSettings;
import dev.greenlight.soak.load.MixSteps;
import dev.greenlight.soak.load.Pools;
import dev.greenlight.soak.monitor.MetricsCoverage;
import dev.greenlight.soak.monitor.MetricsProbe;
import dev.greenlight.soak.monitor.Monitor;
import dev.greenlight.soak.monitor.MonitorSummary;
import dev.greenlight.soak.monitor.PostgresProbe;
import dev.greenlight.soak.profile.SoakProfile;
import dev.greenlight.soak.profile.SoakProfiles;
import dev.greenlight.soak.stats.MemoryTrend;

import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One soak run against one target: setup requests, the open-model load with monitoring beside it, an interval
 * closed every {@code interval} (recorded as evidence and appended to the run's files, incidents and the
 * rollback conditions checked), checkpoints, a progress line, then the memory trend and cleanup. The run ends by
 * its duration, or early when a rollback condition holds for its window; every wait is bounded.
 */
public final class SoakRun {

    /**
     * Where the run points and what it may use.
     *
     * @param start its place on a {@link StartLine} shared with runs beside it (the baseline), or null to start alone
     */
    public record Plan(
            SoakProfiles.Selected selected,
            String apiBase,
            String metricsUrl,
            MetricsConfig.MetricNames names,
            boolean heapMemory,
            Duration requestTimeout,
            Duration connectTimeout,
            String tag,
            ReadOnlyDatabase database,
            Path dir,
            EvidenceSink sink,
            PrintStream progress,
            StartLine.Ticket start) {

        /** The plan for a target, from its configuration. */
        public static Plan forTarget(TargetConfig config, Masker masker, SoakProfiles.Selected selected, String tag, Path dir,
                                     EvidenceSink sink, PrintStream progress) {
            String base = config.app().baseUrl();
            SoakProfile profile = selected.profile();
            Duration timeout = profile.timeout() != null ? profile.timeout() : config.app().timeouts().request();
            ReadOnlyDatabase database = config.database().configured() ? new ReadOnlyDatabase(config.database(), masker) : null;
            return new Plan(selected, base + config.app().apiPrefix(), MetricsProbe.url(base, config.metrics().path()),
                    config.metrics().names(), !"resident".equalsIgnoreCase(config.soak().memory()), timeout,
                    config.app().timeouts().connect(), tag, database, dir, sink, progress, null);
        }

        /**
         * The plan for the baseline deployment beside a target: the same profile, timeouts and metric names, its own
         * address, metrics and database; nothing recorded as evidence (a baseline serves no criterion of the candidate).
         */
        public static Plan forBaseline(TargetConfig config, BaselineConfig baseline, Masker masker, SoakProfiles.Selected selected,
                                       String tag, Path dir, PrintStream progress) {
            Plan candidate = forTarget(config, masker, selected, tag, dir, EvidenceSink.NONE, progress);
            String prefix = baseline.apiPrefix() != null ? baseline.apiPrefix() : config.app().apiPrefix();
            String metricsPath = baseline.metricsPath() != null ? baseline.metricsPath() : config.metrics().path();
            ReadOnlyDatabase database = baseline.database().configured() ? new ReadOnlyDatabase(baseline.database(), masker) : null;
            return new Plan(selected, baseline.baseUrl() + prefix, MetricsProbe.url(baseline.baseUrl(), metricsPath), candidate.names(),
                    candidate.heapMemory(), candidate.requestTimeout(), candidate.connectTimeout(), tag, database, dir, EvidenceSink.NONE,
                    progress, null);
        }

        /** The same plan, started from {@code ticket}'s place on a shared start line. */
        public Plan startingFrom(StartLine.Ticket ticket) {
            return new Plan(selected, apiBase, metricsUrl, names, heapMemory, requestTimeout, connectTimeout, tag, database, dir, sink,
                    progress, ticket);
        }
    }

    private final Plan plan;
    private final SoakProfile profile;
    private volatile State state;
    private volatile String stopRequest;

    public SoakRun(Plan plan) {
        this.plan = plan;
        this.profile = plan.selected().profile();
    }

    /** Runs the whole soak; returns when it ended (by duration or early stop) and cleanup is done. */
    public SoakResult run() throws InterruptedException {
        HttpClient stepsClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(plan.connectTimeout()).build();
        HttpClient monitorClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(plan.connectTimeout()).build();
        Pools pools = new Pools(plan.selected().mix().poolLimit());
        AtomicLong seq = new AtomicLong();
        MixSteps steps = new MixSteps(stepsClient, plan.apiBase(), plan.tag(), plan.requestTimeout(), pools, seq);
        SoakResult result = null;
        try {
            List<MixSteps.Step> setup = steps.run(plan.selected().mix().setup());
            List<MixSteps.Step> failed = setup.stream().filter(step -> !step.ok()).toList();
            if (!failed.isEmpty()) {
                throw new IllegalStateException("the soak's setup requests failed, so the load cannot start: " + failed
                        + ". Check the mix '" + profile.mix() + "' in suites/soak.yaml against the target's API (app.apiPrefix).");
            }
            result = load(monitorClient, pools, seq, setup);
        } finally {
            if (plan.start() != null) {
                plan.start().leave();
            }
            List<MixSteps.Step> cleanup = steps.run(plan.selected().mix().cleanup());
            if (result != null) {
                result = result.withCleanup(cleanup);
            }
        }
        return result;
    }

    private SoakResult load(HttpClient monitorClient, Pools pools, AtomicLong seq, List<MixSteps.Step> setup)
            throws InterruptedException {
        HttpMix mix = new HttpMix(plan.selected().mix().requests(), plan.apiBase(), plan.tag(), pools, seq);
        int backlog = (int) Math.min(1_000_000, Math.max(1000, profile.rate() * plan.requestTimeout().toSeconds() * 2));
        try (LoadDriver driver = new LoadDriver(mix, new LoadSettings(profile.maxConcurrency(), plan.requestTimeout(),
                plan.connectTimeout(), Duration.ofMillis(10), backlog, 0))) {
            return load(driver, monitorClient, setup);
        }
    }

    private SoakResult load(LoadDriver driver, HttpClient monitorClient, List<MixSteps.Step> setup) throws InterruptedException {
        MetricsProbe metrics = new MetricsProbe(monitorClient, plan.metricsUrl(), plan.names(), plan.connectTimeout().plusSeconds(2));
        PostgresProbe postgres = plan.database() == null ? null : new PostgresProbe(plan.database());
        MetricsCoverage coverage = new MetricsCoverage(plan.metricsUrl(), plan.names(), plan.heapMemory());
        Monitor monitor = new Monitor(metrics, postgres, coverage::accept);
        Instant started = Instant.now();
        SoakFiles files = new SoakFiles(plan.dir(), started.toEpochMilli());
        State state = new State(started, files, driver, monitor);
        ScheduledExecutorService control = Executors.newSingleThreadScheduledExecutor(daemon("greenlight-soak-control-"));
        try {
            monitor.start(profile.scrapeEvery());
            long startAt = plan.start() == null ? System.nanoTime() : plan.start().arrive(profile.rate());
            driver.start(new ArrivalSchedule(profile.rate(), profile.rampUp(), profile.duration()), startAt);
            state.startNanos = driver.startNanos();
            synchronized (this) {
                this.state = state;
                if (stopRequest != null) {
                    state.stop(stopRequest);
                }
            }
            Progress progress = new Progress(plan.progress(), plan.selected().name(), profile.duration(), state.startNanos);
            long firstClose = Math.max(0, state.startNanos - System.nanoTime()) + profile.interval().toNanos();
            control.scheduleAtFixedRate(() -> guarded(state::closeInterval), firstClose, profile.interval().toNanos(), TimeUnit.NANOSECONDS);
            control.scheduleAtFixedRate(() -> guarded(() -> progress.print(System.nanoTime(), state.startNanos, driver.sent(),
                    state.lastP95, state.lastErrorRate)), profile.progressEvery().toNanos(), profile.progressEvery().toNanos(), TimeUnit.NANOSECONDS);
            Duration bound = profile.duration().plus(plan.requestTimeout()).plus(profile.interval().multipliedBy(3)).plusSeconds(10);
            if (!state.done.await(bound.toNanos(), TimeUnit.NANOSECONDS)) {
                plan.progress().println("[soak] the run did not drain within " + bound + "; closing with what finished");
            }
        } finally {
            synchronized (this) {
                this.state = null; // a stop from now on finds nothing to stop: the driver closes next
            }
            control.shutdownNow();
            control.awaitTermination(5, TimeUnit.SECONDS);
            driver.stop();
            monitor.close();
        }
        state.finishTail();
        Instant ended = Instant.now();
        for (Incidents.Incident closed : state.incidents.closeAll(ended)) {
            state.logIncident(closed);
        }
        MemoryTrend memory = state.memoryTrend();
        String metric = plan.heapMemory() ? plan.names().heapUsed() : plan.names().residentMemory();
        state.evidence.memory(memory, metric, started, ended, true);
        state.evidence.residentMemory(state.residentTrend(), memory, plan.names().residentMemory(), started, ended, true);
        state.evidence.notRun(coverage.gaps(), started, ended);
        state.evidence.completion(state.stopReason, started, ended, state.incidents.count());
        files.close();
        return new SoakResult(plan.selected().name(), started, ended, profile.duration(), state.stopReason, state.totals,
                List.copyOf(state.allIncidents), List.copyOf(state.checkpointFiles), memory, metric, plan.dir(), setup, List.of());
    }

    /**
     * Ends the run early for {@code reason} (the candidate beside it stopped): the load stops, what is outstanding
     * drains, and the run ends as stopped early. Safe from any thread, before or during the load.
     */
    public synchronized void stop(String reason) {
        stopRequest = reason;
        if (state != null) {
            state.stop(reason);
        }
    }

    private void guarded(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            plan.progress().println("[soak] monitoring step failed and will be retried: " + e);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String prefix) {
        AtomicLong count = new AtomicLong();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** The mutable state of one run, touched by the control thread, then by the caller once it has stopped. */
    private final class State {
        final Instant started;
        final SoakFiles files;
        final LoadDriver driver;
        final Monitor monitor;
        final RunTotals totals = new RunTotals();
        final Incidents incidents = new Incidents(profile.incidents());
        final AbortRule abort = new AbortRule(profile.abort(), profile.interval());
        final CheckpointSchedule checkpoints;
        final SoakEvidence evidence;
        final CountDownLatch done = new CountDownLatch(1);
        final List<Incidents.Incident> allIncidents = new ArrayList<>();
        final List<Path> checkpointFiles = new ArrayList<>();
        volatile long startNanos;
        volatile String stopReason;
        volatile double lastP95 = Double.NaN;
        volatile double lastErrorRate;
        int index;
        boolean finished;

        State(Instant started, SoakFiles files, LoadDriver driver, Monitor monitor) {
            this.started = started;
            this.files = files;
            this.driver = driver;
            this.monitor = monitor;
            this.checkpoints = new CheckpointSchedule(profile.checkpoints(), started);
            this.evidence = new SoakEvidence(plan.sink(), plan.selected().name());
        }

        synchronized void closeInterval() {
            if (finished) {
                return;
            }
            // read before the snapshot: a request counted as done here has recorded its outcome already, so it is in
            // the snapshot; read after, one finishing in between would be in neither this interval nor a later one
            boolean idle = driver.outstanding() == 0;
            boolean drained = driver.scheduleDone() && idle;
            boolean stopped = stopReason != null && idle;
            record(driver.snapshot(), monitor.closeInterval());
            if (drained || stopped) {
                finished = true;
                done.countDown();
            }
        }

        synchronized void stop(String reason) {
            if (stopReason == null && !finished) {
                stopReason = reason;
                plan.progress().println("[soak] stopping early: " + reason);
                driver.stop();
            }
        }

        /** After the control thread stopped: the last partial interval, if anything finished in it. */
        synchronized void finishTail() {
            if (!finished) {
                finished = true;
                LoadInterval tail = driver.snapshot();
                MonitorSummary summary = monitor.closeInterval();
                if (tail.finished() > 0) {
                    record(tail, summary);
                }
            }
        }

        private void record(LoadInterval load, MonitorSummary summary) {
            Instant to = Instant.now();
            Instant from = to.minusNanos(load.endNanos() - load.startNanos());
            IntervalRecord r = new IntervalRecord(index++, from, to, (load.endNanos() - startNanos) / 1e9, load, summary);
            totals.add(r, plan.heapMemory() && !Double.isNaN(summary.heapMin()));
            files.interval(r);
            evidence.interval(r, monitor.statementsStatus(), r.elapsed() <= profile.warmUp().toMillis() / 1000.0);
            lastP95 = r.p95Millis();
            lastErrorRate = r.errorRate();
            for (Incidents.Incident changed : incidents.apply(r)) {
                files.incident(changed);
                if (!changed.open()) {
                    logIncident(changed);
                }
            }
            if (stopReason == null) {
                abort.apply(r).ifPresent(this::stop);
            }
            checkpoints.due(to).ifPresent(label -> checkpoint(label, r));
        }

        void logIncident(Incidents.Incident closed) {
            allIncidents.add(closed);
            evidence.incident(closed);
            totals.incident(Duration.between(started, closed.start()).toMillis() / 1000.0,
                    Duration.between(started, closed.end()).toMillis() / 1000.0);
        }

        private void checkpoint(String label, IntervalRecord last) {
            totals.checkpoint(last.elapsed());
            MemoryTrend memory = memoryTrend();
            String metric = plan.heapMemory() ? plan.names().heapUsed() : plan.names().residentMemory();
            evidence.memory(memory, metric, started, last.to(), false);
            evidence.residentMemory(residentTrend(), memory, plan.names().residentMemory(), started, last.to(), false);
            String summary = CheckpointSummary.markdown(checkpoints.count(), label, plan.selected().name(), last, totals,
                    incidents.openNow(), allIncidents, memory, stopReason);
            checkpointFiles.add(files.checkpoint(checkpoints.count(), label, summary));
        }

        MemoryTrend residentTrend() {
            double[][] series = totals.residentSeries();
            return MemoryTrend.of(series[0], series[1], profile.warmUp().toMillis() / 1000.0, 0.95);
        }

        MemoryTrend memoryTrend() {
            double[][] series = totals.memorySeries();
            return MemoryTrend.of(series[0], series[1], profile.warmUp().toMillis() / 1000.0, 0.95);
        }
    }
}
