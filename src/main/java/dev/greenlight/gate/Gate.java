package dev.greenlight.gate;

import dev.greenlight.config.GateConfig;

import dev.greenlight.config.ConfigException;
import dev.greenlight.evidence.EvidenceReader;
import dev.greenlight.evidence.Measurement;
import dev.greenlight.evidence.RunManifest;
import dev.greenlight.report.AllureResults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The go/no-go gate: reads the evidence of one or many runs, the Allure results, the criteria and the sign-off
 * sheet; judges ({@link VerdictRules}); writes {@code verdict.json}, {@code verdict.md}, the one-page
 * {@code verdict.html} and {@code verdict.pdf} and, when asked, the
 * "Go/No-Go" results into an Allure results directory. Bad input (a missing directory, an invalid criteria or
 * sign-off file, an unreadable manifest) is one {@link ConfigException} naming what to fix; unreadable evidence
 * lines are counted and reported, never fatal.
 */
public final class Gate {

    /** Name of the JSON verdict in the output directory. */
    public static final String VERDICT_JSON = "verdict.json";
    /** Name of the Markdown verdict in the output directory. */
    public static final String VERDICT_MD = "verdict.md";
    /** Name of the printable one-page summary in the output directory. */
    public static final String VERDICT_HTML = "verdict.html";
    /** Name of the same page as PDF. */
    public static final String VERDICT_PDF = "verdict.pdf";

    private final Clock clock;

    public Gate(Clock clock) {
        this.clock = clock;
    }

    /**
     * What to judge and where to write.
     *
     * @param evidenceDirs        evidence directories: a run directory or a directory of runs, any number
     * @param allureResultsDirs   Allure results directories of the acceptance runs, any number
     * @param criteriaFile        usually {@code suites/go-no-go.yaml}
     * @param signOffFile         usually {@code suites/signoff.yaml}; null when there is none (every role pending)
     * @param outDir              where {@code verdict.json} and {@code verdict.md} go, usually {@code reports/verdict}
     * @param allureOut           Allure results directory to add the "Go/No-Go" results to; null for none
     * @param minDurationOverride replaces every criterion's minimum observation (short local runs); null keeps the file's
     * @param lineOverrides       criterion lines a target sets for itself, by criterion id ({@code gate.lines})
     * @param baselineDirs        directories of saved baselines ({@code <dir>/<name>/}): the baselines the measurements
     *                            name are looked up there and fingerprinted ({@link EvidenceFingerprint})
     */
    public record Request(List<Path> evidenceDirs, List<Path> allureResultsDirs, Path criteriaFile, Path signOffFile, Path outDir,
                          Path allureOut, Duration minDurationOverride, Map<String, GateConfig.Lines> lineOverrides,
                          List<Path> baselineDirs) {

        public Request {
            evidenceDirs = List.copyOf(evidenceDirs);
            allureResultsDirs = List.copyOf(allureResultsDirs);
            Objects.requireNonNull(criteriaFile, "criteriaFile");
            Objects.requireNonNull(outDir, "outDir");
            lineOverrides = lineOverrides == null ? Map.of() : Map.copyOf(lineOverrides);
            baselineDirs = baselineDirs == null ? List.of() : List.copyOf(baselineDirs);
        }

        public Request(List<Path> evidenceDirs, List<Path> allureResultsDirs, Path criteriaFile, Path signOffFile, Path outDir,
                       Path allureOut, Duration minDurationOverride, Map<String, GateConfig.Lines> lineOverrides) {
            this(evidenceDirs, allureResultsDirs, criteriaFile, signOffFile, outDir, allureOut, minDurationOverride, lineOverrides, List.of());
        }

        public Request(List<Path> evidenceDirs, List<Path> allureResultsDirs, Path criteriaFile, Path signOffFile, Path outDir,
                       Path allureOut, Duration minDurationOverride) {
            this(evidenceDirs, allureResultsDirs, criteriaFile, signOffFile, outDir, allureOut, minDurationOverride, Map.of());
        }
    }

    /** Reads, judges, writes; returns the verdict. */
    public Verdict run(Request request) {
        Verdict verdict = VerdictRules.judge(read(request), clock.instant());
        write(verdict, request);
        return verdict;
    }

    /** Reads every input of {@code request}, merged and de-duplicated. */
    public static GateInputs read(Request request) {
        Criteria criteria = CriteriaFile.load(request.criteriaFile());
        if (request.minDurationOverride() != null) {
            criteria = criteria.withMinDurationOverride(request.minDurationOverride());
        }
        for (Map.Entry<String, GateConfig.Lines> lines : request.lineOverrides().entrySet()) {
            criteria = criteria.withLines(lines.getKey(), lines.getValue(), "gate.lines." + lines.getKey());
        }
        SignOff signOff = request.signOffFile() == null ? SignOff.none() : SignOffFile.load(request.signOffFile());
        List<Path> roots = outermost(request.evidenceDirs(), "evidence");
        EvidenceReader.Evidence evidence;
        try {
            evidence = EvidenceReader.read(roots);
        } catch (UncheckedIOException e) {
            throw new ConfigException(e.getMessage(), e);
        }
        Set<Measurement> distinct = new LinkedHashSet<>(evidence.measurements());
        Map<String, RunManifest> runs = new LinkedHashMap<>();
        for (RunManifest run : evidence.runs()) {
            runs.merge(run.runId(), run, (a, b) -> a.complete() ? a : b);
        }
        List<Path> allureRoots = outermost(request.allureResultsDirs(), "Allure results");
        AllureResultsReader.Results results;
        EvidenceFingerprint fingerprint;
        try {
            results = AllureResultsReader.read(allureRoots);
            fingerprint = EvidenceFingerprint.of(request, roots, allureRoots, evidence.measurements());
        } catch (UncheckedIOException e) {
            throw new ConfigException(e.getMessage(), e);
        }
        List<String> unreadable = new ArrayList<>(evidence.unreadable());
        unreadable.addAll(results.unreadable());
        return new GateInputs(criteria, request.evidenceDirs().stream().map(Path::toString).toList(),
                request.allureResultsDirs().stream().map(Path::toString).toList(), new ArrayList<>(runs.values()),
                new ArrayList<>(distinct), unreadable, evidence.measurements().size() - distinct.size(), results.outcomes(),
                signOff.heldAgainst(fingerprint.value()), fingerprint);
    }

    /** Writes verdict.json, verdict.md, verdict.html, verdict.pdf and (if asked) the Allure results of {@code verdict}. */
    public static void write(Verdict verdict, Request request) {
        try {
            Files.createDirectories(request.outDir());
            Files.writeString(request.outDir().resolve(VERDICT_JSON), VerdictJson.render(verdict, request.outDir()), StandardCharsets.UTF_8);
            Files.writeString(request.outDir().resolve(VERDICT_MD), VerdictMarkdown.render(verdict, request.outDir()),
                    StandardCharsets.UTF_8);
            String page = VerdictPage.render(verdict);
            Files.writeString(request.outDir().resolve(VERDICT_HTML), page, StandardCharsets.UTF_8);
            VerdictPdf.write(page, request.outDir().resolve(VERDICT_PDF));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the verdict to " + request.outDir() + ": " + e.getMessage(), e);
        }
        if (request.allureOut() != null) {
            AllureVerdict.write(verdict, AllureResults.at(request.allureOut()), request.outDir());
        }
    }

    /** The directories, each once: one inside another is read through the outer one. */
    private static List<Path> outermost(List<Path> dirs, String what) {
        List<Path> normalized = new ArrayList<>();
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                throw new ConfigException(what + " directory " + dir + " does not exist");
            }
            normalized.add(dir.toAbsolutePath().normalize());
        }
        return normalized.stream().distinct()
                .filter(dir -> normalized.stream().noneMatch(other -> !other.equals(dir) && dir.startsWith(other)))
                .toList();
    }
}
