package dev.greenlight.target;

import dev.greenlight.config.Masker;
import dev.greenlight.config.TargetConfig;

import java.nio.file.Path;

/** A deployment somebody else runs. Greenlight waits (bounded) until it is healthy and stops nothing. */
public final class RemoteTarget implements Target {

    private final TargetConfig config;
    private final LogSource log;
    private final Readiness.Outcome readiness;

    private RemoteTarget(TargetConfig config, LogSource log, Readiness.Outcome readiness) {
        this.config = config;
        this.log = log;
        this.readiness = readiness;
    }

    /**
     * Connects and waits for health; fails within {@code app.readiness.timeout} when the target does not answer.
     * A target that answers but is not healthy by then is connected anyway, so the smoke suite can say what is wrong.
     */
    public static RemoteTarget connect(TargetConfig config, Masker masker) {
        Readiness.Outcome readiness = Readiness.await(config.name(), config.app(), () -> false, () -> "", Readiness.Mode.ANSWERING);
        return new RemoteTarget(config, logSource(config, masker), readiness);
    }

    /** How the wait for health ended: healthy or not, and what was seen last. */
    public Readiness.Outcome readiness() {
        return readiness;
    }

    static LogSource logSource(TargetConfig config, Masker masker) {
        if (config.log().file() != null && !config.log().file().isBlank()) {
            return new FileLogSource(Path.of(config.log().file()), config.log().maxLines());
        }
        if (!config.log().command().isEmpty()) {
            return new CommandLogSource(config.log().command(), config.log().timeout(), config.log().maxLines(), masker);
        }
        return new NoLogSource();
    }

    @Override
    public TargetConfig config() {
        return config;
    }

    @Override
    public LogSource log() {
        return log;
    }

    @Override
    public void close() {
        // nothing was started here
    }

    /** A target whose file declares no log: every read says how to configure one. */
    private static final class NoLogSource implements LogSource {
        @Override
        public java.util.List<String> tail(int lines) {
            throw new LogUnavailableException("no log source configured: set log.file or log.command in the target file");
        }

        @Override
        public String describe() {
            return "no log source (log.file / log.command unset)";
        }
    }
}
