package dev.greenlight.gate;

import dev.greenlight.config.ConfigException;
import dev.greenlight.config.Durations;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code gate}: judges stored evidence and prints the verdict as its last lines. The exit code is the verdict, so a
 * pipeline can branch on it: 0 GO, 10 GO awaiting sign-off, 20 HOLD, 30 NO-GO, 40 ROLLBACK, 2 bad input.
 * {@code --verify verdict.json} checks a verdict against its evidence (0 verified, 3 changed, naming each file);
 * {@code --rejudge verdict.json} judges the inputs a verdict records again, e.g. after a sign-off.
 *
 * <pre>
 * bin/greenlight gate reports/evidence/&lt;run1&gt; reports/evidence/&lt;run2&gt;
 * </pre>
 */
@Command(name = "gate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Judges stored evidence against the go/no-go criteria and writes verdict.json and verdict.md.",
        exitCodeListHeading = "Exit codes:%n", exitCodeList = {" 0:GO (with --verify: the verdict stands on unchanged evidence)",
                "10:GO, awaiting sign-off", "20:HOLD: extend the observation", "30:NO-GO: do not proceed", "40:ROLLBACK: roll back now",
                " 3:with --verify: something changed (each file named)", " 2:bad input (one message names the file or directory)"})
public final class GateCommand implements Callable<Integer> {

    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "DIR",
            description = "Evidence directories, as --evidence: run directories (reports/evidence/<runId>) or directories of runs")
    private List<Path> dirs;

    @Option(names = "--evidence", arity = "1..*", paramLabel = "DIR",
            description = "Evidence directories: a run directory or a directory of runs; several merge into one verdict. Default: reports/evidence")
    private List<Path> evidence;

    @Option(names = "--allure-results", arity = "1..*", paramLabel = "DIR",
            description = "Allure results directories of the acceptance runs (test outcomes). Default: the allure-results/ kept in"
                    + " or directly under each evidence directory; with no directories given, else reports/allure-results if it exists")
    private List<Path> allureResults;

    @Option(names = "--criteria", paramLabel = "FILE", defaultValue = "suites/go-no-go.yaml",
            description = "The criteria file. Default: ${DEFAULT-VALUE}")
    private Path criteria;

    @Option(names = "--signoff", paramLabel = "FILE",
            description = "The sign-off file. Default: suites/signoff.yaml if it exists; without one every role is pending")
    private Path signOff;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "reports/verdict",
            description = "Where verdict.json and verdict.md go. Default: ${DEFAULT-VALUE}")
    private Path out;

    @Option(names = "--allure-out", paramLabel = "DIR",
            description = "An Allure results directory to add the Go/No-Go results, categories and overview entries to (optional)")
    private Path allureOut;

    @Option(names = "--min-duration", paramLabel = "DURATION",
            description = "Lowers every criterion's minimum observation, e.g. 10m, for short local runs; the verdict says so")
    private String minDuration;

    @Option(names = "--baselines", arity = "1..*", paramLabel = "DIR",
            description = "Directories of saved baselines; the baselines the measurements name are fingerprinted. Default: reports/baselines if it exists")
    private List<Path> baselines;

    @Option(names = "--verify", paramLabel = "VERDICT_JSON",
            description = "Check a verdict.json against its evidence: every recorded file's SHA-256, the sign-off file's, and the verdict recomputed")
    private Path verify;

    @Option(names = "--rejudge", paramLabel = "VERDICT_JSON",
            description = "Judge the inputs a verdict.json records again (with the sign-off file as it is now) and rewrite it and its siblings")
    private Path rejudge;

    private final Clock clock;

    public GateCommand() {
        this(Clock.systemUTC());
    }

    GateCommand(Clock clock) {
        this.clock = clock;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new GateCommand()).execute(args));
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter outWriter = spec.commandLine().getOut();
        try {
            if (verify != null) {
                return verify(outWriter, err);
            }
            Gate.Request request = rejudge != null ? VerdictCheck.recordedRequest(rejudge) : request();
            Verdict verdict = new Gate(clock).run(request);
            outWriter.println("Verdict written to " + request.outDir().resolve(Gate.VERDICT_MD) + " and " + request.outDir().resolve(Gate.VERDICT_JSON));
            verdict.summaryLines().forEach(outWriter::println);
            outWriter.flush();
            return verdict.exitCode();
        } catch (ConfigException | java.io.UncheckedIOException e) {
            err.println("gate: " + e.getMessage());
            err.flush();
            return Decision.BAD_INPUT_EXIT;
        }
    }

    private int verify(PrintWriter outWriter, PrintWriter err) {
        VerdictCheck.Result result = VerdictCheck.verify(verify);
        if (result.verified()) {
            outWriter.println("verified: " + verify + " (" + result.headline() + ") stands on its evidence " + result.fingerprint() + ": "
                    + result.files() + " files unchanged, the sign-off file unchanged, the verdict recomputed the same");
            outWriter.flush();
            return 0;
        }
        err.println("gate --verify: " + verify + " does not match its evidence (" + result.problems().size() + " difference(s)):");
        result.problems().forEach(p -> err.println("  - " + p));
        err.flush();
        return VerdictCheck.CHANGED_EXIT;
    }

    Gate.Request request() {
        List<Path> evidenceDirs = new ArrayList<>();
        Optional.ofNullable(dirs).ifPresent(evidenceDirs::addAll);
        Optional.ofNullable(evidence).ifPresent(evidenceDirs::addAll);
        if (evidenceDirs.isEmpty()) {
            evidenceDirs.add(Path.of("reports", "evidence"));
        }
        List<Path> allureDirs = allureResults != null ? allureResults : KeptAllureResults.within(evidenceDirs);
        boolean defaults = dirs == null && evidence == null; // the live results belong to reports/evidence, not to runs named
        if (allureDirs.isEmpty() && defaults && Files.isDirectory(Path.of("reports", "allure-results"))) {
            allureDirs = List.of(Path.of("reports", "allure-results"));
        }
        Path signOffFile = signOff != null ? signOff : Files.isRegularFile(Path.of("suites", "signoff.yaml")) ? Path.of("suites", "signoff.yaml") : null;
        Duration override;
        try {
            override = minDuration == null ? null : Durations.parse(minDuration);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("--min-duration: " + e.getMessage());
        }
        List<Path> baselineDirs = baselines != null ? baselines
                : Files.isDirectory(Path.of("reports", "baselines")) ? List.of(Path.of("reports", "baselines")) : List.of();
        return new Gate.Request(evidenceDirs, allureDirs, criteria, signOffFile, out, allureOut, override, Map.of(), baselineDirs);
    }
}
