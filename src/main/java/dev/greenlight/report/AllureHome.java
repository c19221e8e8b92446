package dev.greenlight.report;

import dev.greenlight.config.ConfigException;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where the Allure command line is: the directory a user names, or the copy the build unpacked into
 * {@code target/allure-commandline/allure-<version>} beside the launcher's jar (or {@code target/classes}). So
 * {@code greenlight report} needs no option once the command line is unpacked, and says how to unpack it when not.
 */
public final class AllureHome {

    /** How to unpack the command line: the acceptance profile's own unpack step, run on its own. */
    public static final String UNPACK = "mvn -q -Pacceptance dependency:unpack@allure-commandline";

    private AllureHome() {
    }

    /** {@code explicit} if given, else the unpacked copy; one clear message when there is none. */
    public static Path resolve(Path explicit) {
        if (explicit != null) {
            if (!Files.isDirectory(explicit.resolve("lib"))) {
                throw new ConfigException("--allure-home " + explicit + ": no Allure command line there (no lib/ directory)");
            }
            return explicit;
        }
        Path unpacked = buildDirectory().resolve("allure-commandline");
        return newestIn(unpacked).orElseThrow(() -> new ConfigException("no Allure command line under " + unpacked
                + ": unpack it with '" + UNPACK + "' (or pass --allure-home DIR)"));
    }

    static Optional<Path> newestIn(Path dir) {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(dir)) {
            return homes.filter(home -> home.getFileName().toString().startsWith("allure-") && Files.isDirectory(home.resolve("lib")))
                    .max(Comparator.comparing(Path::toString));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** {@code target/}: the directory holding this class's jar or class directory. */
    private static Path buildDirectory() {
        try {
            Path codeSource = Path.of(AllureHome.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return codeSource.toAbsolutePath().getParent();
        } catch (URISyntaxException | RuntimeException e) {
            return Path.of("target").toAbsolutePath();
        }
    }
}
