package dev.greenlight.migration;

import dev.greenlight.config.ConfigLoader;
import dev.greenlight.config.Masker;
import dev.greenlight.config.RunSettings;
import dev.greenlight.config.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code greenlight snapshot --target staging --label pre-deploy}: the step run before a staging deploy. Takes a
 * read-only data snapshot of the target's database into {@code reports/evidence/snapshots/<label>.json} and rehearses
 * the pending migrations on a scratch copy; the migration suite compares against it after the deploy.
 */
@Command(name = "snapshot", mixinStandardHelpOptions = true,
        description = "Take a read-only data snapshot of the target's database (before a deploy: --label pre-deploy),"
                + " rehearse the pending migrations on a scratch copy, optionally compare with an earlier snapshot.",
        exitCodeListHeading = "Exit codes:%n", exitCodeList = {"0:snapshot taken (and, with --compare-with, nothing lost or changed)",
                "1:--compare-with found rows lost or changed", "2:bad input: configuration, a target without a database, a missing snapshot"})
public final class SnapshotCommand implements Callable<Integer> {

    @Option(names = "--target", description = "target name: suites/targets/NAME.yaml (default: greenlight.target or local)")
    String target;

    @Option(names = "--target-file", description = "an explicit target file")
    String targetFile;

    @Option(names = "--label", defaultValue = PreDeploySnapshot.LABEL, description = "snapshot label (default: ${DEFAULT-VALUE})")
    String label;

    @Option(names = "--reports", description = "reports directory (default: greenlight.reports or reports)")
    String reports;

    @Option(names = "--rehearse", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "rehearse the migrations the database lacks on a scratch copy (default: true; --no-rehearse skips)")
    boolean rehearse;

    @Option(names = "--compare-with", description = "label of an earlier snapshot in the same directory to compare with")
    String compareWith;

    @Override
    public Integer call() {
        Map<String, String> overrides = new HashMap<>();
        Optional.ofNullable(target).filter(t -> !t.isBlank()).ifPresent(t -> overrides.put("greenlight.target", t));
        Optional.ofNullable(targetFile).filter(t -> !t.isBlank()).ifPresent(t -> overrides.put("greenlight.targetFile", t));
        Optional.ofNullable(reports).filter(r -> !r.isBlank()).ifPresent(r -> overrides.put("greenlight.reports", r));
        Settings settings = new Settings(key -> Optional.ofNullable(overrides.get(key)).or(() -> Optional.ofNullable(System.getProperty(key))),
                System.getenv());
        RunSettings run = RunSettings.resolve(settings, Clock.systemUTC());
        ConfigLoader.Loaded loaded = new ConfigLoader().load(run, settings);
        if (!loaded.config().database().configured()) {
            throw new dev.greenlight.config.ConfigException("target '" + loaded.config().name() + "' has no database.jdbcUrl;"
                    + " a snapshot needs the application's database (the local target takes its own during the run)");
        }
        MigrationTarget migrationTarget = new MigrationTarget(loaded.config(), Masker.forConfig(loaded.config()));
        Path dir = PreDeploySnapshot.sharedDirectory(run.evidenceDir());
        SnapshotRequest request = migrationTarget.snapshotRequest(label, dir);
        Snapshot earlier = compareWith == null ? null : SnapshotStore.load(dir.resolve(compareWith + ".json"));
        for (String line : PreDeploySnapshot.capture(migrationTarget, dir, label, rehearse, Clock.systemUTC(), earlier)) {
            System.out.println("greenlight: " + line);
        }
        if (earlier != null) {
            SnapshotDiff diff = SnapshotDiff.compare(earlier, SnapshotStore.load(request.json()), migrationTarget.exclusions());
            System.out.print(diff.render());
            return diff.damaged().isEmpty() ? 0 : 1;
        }
        return 0;
    }
}
