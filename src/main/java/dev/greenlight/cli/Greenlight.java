package dev.greenlight.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/**
 * Greenlight's command line: what runs outside the test JVM — judging stored evidence, the pre-deploy snapshot,
 * checking a target file before any test, saving a soak baseline, and building the report after the suites.
 * {@code bin/greenlight --help} (or {@code java -jar target/greenlight.jar --help}).
 */
@Command(name = "greenlight", mixinStandardHelpOptions = true,
        description = "Decides whether a staging deployment may go to production, and leaves the evidence.",
        // one command a line, so that a new command merges as one added line
        subcommands = {
                dev.greenlight.gate.GateCommand.class,
                dev.greenlight.migration.SnapshotCommand.class,
                CheckConfigCommand.class,
                dev.greenlight.soak.BaselineCommand.class,
                ReportCommand.class,
                FinishCommand.class,
                dev.greenlight.gate.SignOffCommand.class,
        },
        footerHeading = "%nExit codes:%n",
        footer = {"  gate      0 GO, 10 GO awaiting sign-off, 20 HOLD, 30 NO-GO, 40 ROLLBACK",
                "  others    0 done, 1 failed, 2 bad input (one message names what to fix)",
                "'greenlight COMMAND --help' lists each command's own."})
public final class Greenlight {

    /** Exit code for input a user must fix (bad configuration, missing directories). */
    public static final int BAD_INPUT = 2;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command and returns its exit code, for tests and for {@link #main}. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs a command with picocli's output (help, usage errors, messages) going to {@code out} and {@code err}. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new Greenlight());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler((e, ignored) -> {
            CommandLine failed = e.getCommandLine();
            failed.getErr().println("greenlight: " + e.getMessage() + " (see '" + failed.getCommandSpec().qualifiedName() + " --help')");
            return BAD_INPUT;
        });
        commandLine.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("greenlight: " + e.getMessage());
            return e instanceof dev.greenlight.config.ConfigException || e instanceof IllegalArgumentException ? BAD_INPUT : 1;
        });
        return commandLine.execute(args);
    }
}
