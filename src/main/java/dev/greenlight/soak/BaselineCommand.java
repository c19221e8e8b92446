package dev.greenlight.soak;

import dev.greenlight.config.ConfigException;
import dev.greenlight.evidence.EvidenceLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code greenlight baseline save <run> <name>}: keeps an earlier soak run as a named baseline under
 * {@code reports/baselines/<name>/} (via {@link Baselines#saveFromFiles}), for targets that cannot measure their own
 * (staging: soak the Prisma 6 deployment once, save it, then name it in {@code soak.baseline}).
 */
@Command(name = "baseline", mixinStandardHelpOptions = true,
        description = "Saved soak baselines (reports/baselines/<name>/) that a candidate's soak is compared with.",
        subcommands = BaselineCommand.Save.class)
public final class BaselineCommand {

    /** {@code baseline save}: the run is a run id or a path; a run without a soak is one clear message. */
    @Command(name = "save", mixinStandardHelpOptions = true,
            description = {"Save a soak run as baseline NAME in reports/baselines/NAME/ (latency.hlog and summary.json).",
                    "RUN is a run id (reports/soak/<runId>/ or reports/evidence/<runId>/) or a path: a soak run's directory",
                    "(reports/soak/<runId>/candidate), or the run directory above it."},
            exitCodeListHeading = "Exit codes:%n", exitCodeList = {"0:saved", "2:bad input: no such run, no soak in it, not a baseline name"})
    static final class Save implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "RUN", description = "a run id, or the path of a soak run")
        String run;

        @Parameters(index = "1", paramLabel = "NAME", description = "the baseline's name, e.g. prisma-6.19.0")
        String name;

        @Option(names = "--reports", defaultValue = "reports", description = "reports directory (default: ${DEFAULT-VALUE})")
        Path reports;

        @Option(names = "--baselines", description = "where baselines are kept (default: <reports>/baselines)")
        Path baselines;

        @Override
        public Integer call() {
            Path soakDir = soakDirectory();
            Path saved = Baselines.saveFromFiles(soakDir, baselines != null ? baselines : reports.resolve("baselines"), name);
            System.out.println("greenlight: saved baseline '" + name + "' from " + soakDir + " in " + saved
                    + "; compare a soak with it by setting soak.baseline: " + name);
            return 0;
        }

        /** The directory holding {@code latency.hlog} that {@code run} names. */
        Path soakDirectory() {
            Path path = Path.of(run);
            if (Files.isDirectory(path)) {
                return inRun(path, path.getFileName().toString());
            }
            if (run.contains("/") || run.contains(java.io.File.separator)) {
                throw new ConfigException("no run directory " + path + ": give a run id, or the path of a soak run (reports/soak/<runId>/candidate)");
            }
            Path soak = reports.resolve("soak").resolve(run);
            if (Files.isDirectory(soak)) {
                return inRun(soak, run);
            }
            Path evidence = reports.resolve("evidence").resolve(run);
            if (Files.isDirectory(evidence)) {
                throw noSoak(run, soak);
            }
            throw new ConfigException("no run '" + run + "' under " + reports.resolve("soak") + " or " + reports.resolve("evidence"));
        }

        private Path inRun(Path dir, String runId) {
            if (Files.isRegularFile(dir.resolve(SoakFiles.LATENCY_LOG))) {
                return dir;
            }
            if (Files.isRegularFile(dir.resolve("candidate").resolve(SoakFiles.LATENCY_LOG))) {
                return dir.resolve("candidate");
            }
            if (Files.isRegularFile(dir.resolve(EvidenceLog.MANIFEST))) {
                Path soak = reports.resolve("soak").resolve(runId);
                if (Files.isRegularFile(soak.resolve("candidate").resolve(SoakFiles.LATENCY_LOG))) {
                    return soak.resolve("candidate");
                }
                throw noSoak(runId, soak);
            }
            throw new ConfigException("no " + SoakFiles.LATENCY_LOG + " in " + dir + " or " + dir.resolve("candidate")
                    + ": point at a soak run's directory, e.g. reports/soak/<runId>/candidate");
        }

        private static ConfigException noSoak(String runId, Path soak) {
            return new ConfigException("run '" + runId + "' has no soak (" + soak.resolve("candidate").resolve(SoakFiles.LATENCY_LOG)
                    + " is missing): only a run of the soak suite (-Dgroups=soak) can be saved as a baseline");
        }
    }
}
