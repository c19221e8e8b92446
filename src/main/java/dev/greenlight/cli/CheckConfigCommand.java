package dev.greenlight.cli;

import dev.greenlight.config.ConfigLoader;
import dev.greenlight.config.EffectiveConfig;
import dev.greenlight.config.Masker;
import dev.greenlight.config.RunSettings;
import dev.greenlight.config.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** Reads the target file as a run would and stops with one clear message if anything is wrong. */
@Command(name = "check-config", mixinStandardHelpOptions = true,
        description = "Validate a target file (and its overrides) before any test runs; print the effective configuration.",
        exitCodeListHeading = "Exit codes:%n", exitCodeList = {"0:the configuration is valid",
                "2:bad input: one message names the file, the key and what was expected"})
final class CheckConfigCommand implements Callable<Integer> {

    @Option(names = "--target", description = "target name: suites/targets/NAME.yaml (default: greenlight.target or local)")
    String target;

    @Option(names = "--target-file", description = "an explicit target file")
    String targetFile;

    @Option(names = "--quiet", description = "print only problems")
    boolean quiet;

    @Override
    public Integer call() {
        Map<String, String> overrides = new HashMap<>();
        Optional.ofNullable(target).filter(t -> !t.isBlank()).ifPresent(t -> overrides.put("greenlight.target", t));
        Optional.ofNullable(targetFile).filter(t -> !t.isBlank()).ifPresent(t -> overrides.put("greenlight.targetFile", t));
        Settings settings = new Settings(key -> Optional.ofNullable(overrides.get(key)).or(() -> Optional.ofNullable(System.getProperty(key))),
                System.getenv());
        RunSettings run = RunSettings.resolve(settings, Clock.systemUTC());
        ConfigLoader.Loaded loaded = new ConfigLoader().load(run, settings);
        if (!quiet) {
            System.out.println(EffectiveConfig.render(loaded.config(), loaded.overrides(), Masker.forConfig(loaded.config())));
        }
        System.out.println("greenlight: target '" + loaded.config().name() + "' (" + loaded.file() + "): configuration OK");
        return 0;
    }
}
