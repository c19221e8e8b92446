package dev.greenlight.gate;

import dev.greenlight.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code signoff}: one role signs the verdict it was shown. Writes the role's entry in the sign-off file — name,
 * decision, date, note and the evidence fingerprint read from {@code verdict.json} — and nothing else of the file
 * (its comments and layout stay; {@link SignOffEditor}). The verdict shows the sign-off once judged again
 * ({@code gate --rejudge}). Bad input (unknown role, bad decision, no verdict) is one message and exit code 2.
 */
@Command(name = "signoff", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Signs the verdict for one role: writes name, decision, date, note and the verdict's evidence fingerprint into "
                + "that role's entry of the sign-off file, keeping the rest of the file as it is.", "Exit codes: 0 signed, 2 bad input."})
public final class SignOffCommand implements Callable<Integer> {

    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--role", required = true, paramLabel = "ROLE", description = "The role, as the sign-off file names it, e.g. \"QA Lead\"")
    private String role;

    @Option(names = "--decision", required = true, paramLabel = "DECISION", description = "GO, CONCERNS or NO-GO")
    private String decision;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "Who decides")
    private String name;

    @Option(names = "--note", paramLabel = "TEXT", defaultValue = "", description = "A remark; for CONCERNS or NO-GO, the concern")
    private String note;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "When (default: today, UTC)")
    private String date;

    @Option(names = "--verdict", paramLabel = "VERDICT_JSON", defaultValue = "reports/verdict/verdict.json",
            description = "The verdict being signed; its evidence fingerprint goes into the entry. Default: ${DEFAULT-VALUE}")
    private Path verdict;

    @Option(names = "--signoff", paramLabel = "FILE",
            description = "The sign-off file. Default: the one the verdict was judged with, else suites/signoff.yaml")
    private Path signOffFile;

    private final Clock clock;

    public SignOffCommand() {
        this(Clock.systemUTC());
    }

    SignOffCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            SignOff.Decision parsed = SignOff.Decision.parse(decision);
            if (parsed == null) {
                throw new ConfigException("--decision: GO, CONCERNS or NO-GO, got '" + decision + "'");
            }
            if (name.isBlank()) {
                throw new ConfigException("--name: the name of who decides, not empty");
            }
            String day = day();
            String fingerprint = VerdictCheck.fingerprint(verdict);
            Path file = signOffFile != null ? signOffFile : sheetOf(verdict);
            Map<String, String> values = new LinkedHashMap<>();
            values.put("name", name.strip());
            values.put("decision", parsed.label());
            values.put("date", day);
            values.put("note", note.strip());
            values.put("evidence", fingerprint);
            write(file, values);
            out.println("signed: " + role.strip() + " — " + parsed.label() + " by " + name.strip() + " on " + day + ", on evidence "
                    + fingerprint + ", in " + file);
            out.println("next: greenlight gate --rejudge " + verdict + "   (the verdict shows the sign-off once judged again)");
            out.flush();
            return 0;
        } catch (ConfigException | UncheckedIOException e) {
            err.println("signoff: " + e.getMessage());
            err.flush();
            return Decision.BAD_INPUT_EXIT;
        }
    }

    private String day() {
        if (date == null || date.isBlank()) {
            return LocalDate.now(clock).toString();
        }
        try {
            return LocalDate.parse(date.strip()).toString();
        } catch (DateTimeParseException e) {
            throw new ConfigException("--date: a date like 2024-11-29, got '" + date + "'");
        }
    }

    /** The sign-off file the verdict was judged with, or the project's. */
    private static Path sheetOf(Path verdict) {
        Path recorded = VerdictCheck.recordedRequest(verdict).signOffFile();
        return recorded != null ? recorded : Path.of("suites", "signoff.yaml");
    }

    /** Edits the role's entry, checks the result reads back as written, then replaces the file in one move. */
    private void write(Path file, Map<String, String> values) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("no sign-off file " + file + ": copy suites/signoff.yaml there, or point --signoff at one");
        }
        SignOffFile.load(file); // a mistake already in the file is named against the file, not against the edit
        try {
            String edited = SignOffEditor.set(Files.readString(file, StandardCharsets.UTF_8), role, values, file.toString());
            Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), ".signoff-", ".yaml");
            try {
                Files.writeString(temp, edited, StandardCharsets.UTF_8);
                SignOff.Entry entry = SignOffFile.load(temp).roles().stream().filter(r -> r.role().equalsIgnoreCase(role.strip())).findFirst()
                        .orElseThrow(() -> new IllegalStateException("the edited sheet lost role " + role));
                if (!entry.name().equals(values.get("name")) || !entry.decision().label().equals(values.get("decision"))
                        || !entry.evidence().equals(values.get("evidence")) || !entry.note().equals(values.get("note"))) {
                    throw new IllegalStateException("the edited sheet does not read back as written: " + entry);
                }
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
