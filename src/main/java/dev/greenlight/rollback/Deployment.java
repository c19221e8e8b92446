package dev.greenlight.rollback;

import dev.greenlight.config.Masker;
import dev.greenlight.config.RollbackConfig;
import dev.greenlight.config.TargetConfig;
import dev.greenlight.migration.CopyDestination;
import dev.greenlight.target.LocalTarget;
import dev.greenlight.target.LogUnavailableException;
import dev.greenlight.target.Target;

import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the drill moves staging between versions. A remote target is moved by the target file's
 * {@code rollback.steps} / {@code rollback.forwardSteps} commands; the {@code local} target runs those too (if any)
 * and then restarts its application with the baseline or candidate personality itself.
 */
public final class Deployment {

    private final Target target;
    private final LocalTarget local;
    private final StepRunner runner;
    private final Masker masker;

    private Deployment(Target target, LocalTarget local, StepRunner runner, Masker masker) {
        this.target = target;
        this.local = local;
        this.runner = runner;
        this.masker = masker;
    }

    /** The deployment behind {@code target}; steps get {@code {baseUrl}}, {@code {baseline}} and {@code {candidate}}. */
    public static Deployment of(Target target, Masker masker) {
        TargetConfig config = target.config();
        Map<String, String> placeholders = Map.of(
                "{baseUrl}", String.valueOf(config.app().baseUrl()),
                "{baseline}", String.valueOf(config.app().version().baseline()),
                "{candidate}", String.valueOf(config.app().version().expected()));
        return new Deployment(target, target instanceof LocalTarget l ? l : null,
                new StepRunner(masker, config.rollback().stepTimeout(), placeholders), masker);
    }

    /** What stops the drill before it touches anything: a deployment it could roll back but not forward, or not at all. */
    public Optional<String> refusal() {
        RollbackConfig rollback = target.config().rollback();
        if (target.config().app().version().baseline() == null || target.config().app().version().expected() == null) {
            return Optional.of("app.version.baseline and app.version.expected must both be set: the drill rolls back to the"
                    + " first and forward to the second");
        }
        if (local == null && rollback.steps().isEmpty()) {
            return Optional.of("rollback.steps is empty in the target file: the drill has no way to roll back");
        }
        if (local == null && rollback.forwardSteps().isEmpty()) {
            return Optional.of("rollback.forwardSteps is empty in the target file: the drill would leave staging on the baseline");
        }
        return Optional.empty();
    }

    /** Runs {@code rollback.steps}, then (local) starts the baseline without waiting for it. */
    public List<StepResult> rollBack() {
        return move(target.config().rollback().steps(), target.config().app().version().baseline());
    }

    /** Runs {@code rollback.forwardSteps}, then (local) starts the candidate without waiting for it. */
    public List<StepResult> rollForward() {
        return move(target.config().rollback().forwardSteps(), target.config().app().version().expected());
    }

    /** True when waiting for health is pointless: the process the drill started has exited. */
    public boolean down() {
        return local != null && !local.appAlive();
    }

    /** The application's last log lines (masked), for a deployment that does not come up. */
    public String lastLogLines() {
        try {
            List<String> lines = target.log().tail(25);
            return lines.isEmpty() ? "(the application log is empty)"
                    : "Last lines of the application log (" + target.log().describe() + "):\n  "
                    + String.join("\n  ", lines.stream().map(masker::mask).toList());
        } catch (LogUnavailableException | UncheckedIOException e) {
            return "(the application log cannot be read: " + masker.mask(e.getMessage()) + ")";
        }
    }

    /**
     * Where a restore over the application's database writes: the {@code local} target's database as its owner, else
     * the configured database as {@code rollback.restoreUser} (Greenlight's own role is read-only).
     */
    public CopyDestination restoreDestination() {
        if (local != null) {
            return new CopyDestination("127.0.0.1", local.database().port(), local.database().database(), local.database().owner(),
                    local.database().ownerPassword().reveal());
        }
        TargetConfig config = target.config();
        URI uri = URI.create(config.database().jdbcUrl().substring("jdbc:".length()));
        RollbackConfig rollback = config.rollback();
        String user = rollback.restoreUser().isBlank() ? config.database().user() : rollback.restoreUser();
        String password = rollback.restorePassword() != null ? rollback.restorePassword().reveal()
                : config.database().password() == null ? "" : config.database().password().reveal();
        return new CopyDestination(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(),
                uri.getPath().replaceFirst("^/", ""), user, password);
    }

    /** One line for the report. */
    public String describe() {
        RollbackConfig rollback = target.config().rollback();
        return local != null
                ? "local target: " + rollback.steps().size() + " rollback step(s) from the target file, then the built-in restart"
                : "remote target: " + rollback.steps().size() + " rollback and " + rollback.forwardSteps().size()
                + " roll-forward step(s) from the target file";
    }

    private List<StepResult> move(List<RollbackConfig.Step> steps, String version) {
        List<StepResult> results = new ArrayList<>(runner.runAll(steps));
        boolean ok = results.stream().allMatch(StepResult::ok);
        if (ok && local != null) {
            String name = "start " + version + " (built-in step of the local target)";
            long start = System.nanoTime();
            try {
                local.launchApp(version);
                results.add(StepResult.builtIn(name, "LocalTarget.launchApp(\"" + version + "\")", since(start)));
            } catch (RuntimeException e) {
                results.add(StepResult.builtInFailed(name, "LocalTarget.launchApp(\"" + version + "\")", since(start),
                        "cannot start: " + masker.mask(e.getMessage())));
            }
        }
        return results;
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
