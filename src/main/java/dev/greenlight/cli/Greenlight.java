package dev.greenlight.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Greenlight's command line: what runs outside the test JVM — checking a target file before any test,
 * and building the report after the suites. {@code java -cp ... dev.greenlight.cli.Greenlight --help}.
 */
@Command(name = "greenlight", mixinStandardHelpOptions = true,
        description = "Decides whether a staging deployment may go to production, and leaves the evidence.",
        subcommands = {CheckConfigCommand.class, FinishCommand.class, ReportCommand.class, dev.greenlight.migration.SnapshotCommand.class,
                dev.greenlight.gate.GateCommand.class, dev.greenlight.gate.SignOffCommand.class})
public final class Greenlight {

    /** Exit code for input a user must fix (bad configuration, missing directories). */
    public static final int BAD_INPUT = 2;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command and returns its exit code, for tests and for {@link #main}. */
    public static int run(String... args) {
        CommandLine commandLine = new CommandLine(new Greenlight());
        commandLine.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("greenlight: " + e.getMessage());
            return e instanceof dev.greenlight.config.ConfigException || e instanceof IllegalArgumentException ? BAD_INPUT : 1;
        });
        return commandLine.execute(args);
    }
}
