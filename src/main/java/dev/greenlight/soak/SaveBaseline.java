package dev.greenlight.soak;

import java.nio.file.Path;

/**
 * Saves an earlier soak run as a named baseline, for targets that cannot measure their own (staging):
 * {@code mvn -q compile exec:java -Dexec.mainClass=dev.greenlight.soak.SaveBaseline
 * -Dexec.args="reports/soak/<runId>/candidate prisma-6.19.0"} writes {@code reports/baselines/prisma-6.19.0/}.
 */
public final class SaveBaseline {

    private SaveBaseline() {
    }

    public static void main(String[] args) {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: SaveBaseline <soak run dir, e.g. reports/soak/<runId>/candidate> <name, e.g. prisma-6.19.0> [baselines dir]");
            System.exit(2);
        }
        Path baselines = Path.of(args.length == 3 ? args[2] : "reports/baselines");
        System.out.println("saved baseline " + Baselines.saveFromFiles(Path.of(args[0]), baselines, args[1]));
    }
}
