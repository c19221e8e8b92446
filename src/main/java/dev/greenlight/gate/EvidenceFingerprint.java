package dev.greenlight.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.greenlight.evidence.EvidenceLog;
import dev.greenlight.evidence.EvidenceReader;
import dev.greenlight.evidence.Measurement;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What a decision is made from, as one SHA-256: every file the gate judges from and the target's gate settings —
 * and deliberately not the sign-off sheet (a new signature would make every other one stale) nor anything the gate
 * writes itself. A sign-off names this fingerprint, so it says which evidence its role was shown; {@code gate
 * --verify} recomputes it from the files listed in {@code verdict.json}.
 *
 * <p>The fingerprint is {@code sha256:} + the SHA-256 of the sorted lines {@code <kind> <sha256 of the content>}, one
 * per input below, plus {@code gate-settings <sha256>} of the settings text. Content, not paths: the same evidence
 * copied or archived elsewhere keeps its fingerprint. Inputs, by kind:
 * <ul>
 *   <li>{@code run} — every {@code run.json} under the evidence directories;</li>
 *   <li>{@code measurements} — every {@code *.jsonl} there (what {@link EvidenceReader} reads);</li>
 *   <li>{@code allure-result} — every {@code *-result.json} directly in the Allure results directories except the
 *       gate's own (epic {@value TestOutcome#GATE_EPIC}), which it writes after judging;</li>
 *   <li>{@code attachment} — the attachment files those results reference (soak charts, HTTP exchanges, SQL), since
 *       the verdict links them and the PDF shows the charts; a referenced file that does not exist is left out;</li>
 *   <li>{@code criteria} — the criteria file;</li>
 *   <li>{@code baseline} — the files of each saved baseline a measurement names ({@code baseline} attribute), found
 *       in the baseline directories;</li>
 *   <li>{@code gate-settings} — the target's minimum-observation override and criterion lines ({@code gate.*}).</li>
 * </ul>
 * Left out on purpose: the sign-off file (its hash is recorded beside), the gate's own Allure results and their
 * attachments, {@code environment.properties}, {@code categories.json}, containers and history in the results
 * directories, and the verdict files.
 *
 * @param value          {@code sha256:<64 hex>}
 * @param request        what was judged (directories, files, settings), for recomputing
 * @param files          every fingerprinted file, in a stable order (kind, then path)
 * @param baselines      each baseline a measurement names, and the directory it was found in (null: not found)
 * @param settingsSha256 SHA-256 of the gate settings text
 * @param signOffSha256  SHA-256 of the sign-off file, not part of {@code value}; null without one
 */
public record EvidenceFingerprint(String value, Gate.Request request, List<Input> files, Map<String, Path> baselines,
                                  String settingsSha256, String signOffSha256) {

    /** How every fingerprint starts. */
    public static final String PREFIX = "sha256:";

    private static final ObjectMapper JSON = new ObjectMapper();

    public EvidenceFingerprint {
        files = List.copyOf(files);
        baselines = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(baselines));
    }

    /**
     * One fingerprinted file.
     *
     * @param kind   {@code run}, {@code measurements}, {@code allure-result}, {@code attachment}, {@code criteria} or {@code baseline}
     * @param file   absolute, normalized
     * @param sha256 of its bytes, hex
     */
    public record Input(String kind, Path file, String sha256) {
    }

    /** Fingerprints the inputs of {@code request}; {@code measurements} name the baselines used. */
    static EvidenceFingerprint of(Gate.Request request, List<Path> evidenceRoots, List<Path> allureRoots, List<Measurement> measurements) {
        List<Input> files = new ArrayList<>();
        for (Path root : evidenceRoots) {
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                    if (file.getFileName().toString().equals(EvidenceLog.MANIFEST)) {
                        files.add(input("run", file));
                    } else if (EvidenceReader.isMeasurements(file)) {
                        files.add(input("measurements", file));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot fingerprint the evidence under " + root + ": " + e.getMessage(), e);
            }
        }
        for (Path root : allureRoots) {
            allure(root, files);
        }
        files.add(input("criteria", request.criteriaFile()));
        Map<String, Path> baselines = new TreeMap<>();
        measurements.stream().map(m -> m.attributes().get("baseline")).filter(name -> name != null && !name.isBlank()).distinct()
                .forEach(name -> baselines.put(name, baselineDir(request.baselineDirs(), name)));
        for (Path dir : baselines.values()) {
            if (dir != null) {
                try (Stream<Path> walk = Files.walk(dir)) {
                    walk.filter(Files::isRegularFile).sorted().forEach(file -> files.add(input("baseline", file)));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot fingerprint the baseline " + dir + ": " + e.getMessage(), e);
                }
            }
        }
        String settings = sha256(settingsText(request).getBytes(StandardCharsets.UTF_8));
        String signOff = request.signOffFile() == null ? null : input("sign-off", request.signOffFile()).sha256();
        return new EvidenceFingerprint(combine(files, settings), request, files, baselines, settings, signOff);
    }

    /** The fingerprint of these inputs and settings hash: what {@link #value()} is. */
    static String combine(List<Input> files, String settingsSha256) {
        List<String> lines = new ArrayList<>();
        files.forEach(f -> lines.add(f.kind() + " " + f.sha256()));
        lines.add("gate-settings " + settingsSha256);
        lines.sort(null);
        return PREFIX + sha256(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
    }

    /** The target's gate settings as fingerprinted: one line each, in a stable order. */
    static String settingsText(Gate.Request request) {
        StringBuilder text = new StringBuilder("minDuration=").append(request.minDurationOverride() == null ? "-" : request.minDurationOverride());
        new TreeMap<>(request.lineOverrides()).forEach((id, lines) -> text.append("\nlines.").append(id).append("=go:").append(text(lines.go()))
                .append(";noGo:").append(text(lines.noGo())).append(";rollback:").append(text(lines.rollback())));
        return text.toString();
    }

    private static String text(String line) {
        return line == null ? "-" : line;
    }

    /** Whether {@code text} looks like a fingerprint: {@code sha256:} and 64 hex digits. */
    public static boolean isFingerprint(String text) {
        return text != null && text.matches("sha256:[0-9a-f]{64}");
    }

    /** {@code sha256:1a2b3c4d5e6f…}: enough to tell two apart in a sentence. */
    public static String shortForm(String fingerprint) {
        return fingerprint.length() > PREFIX.length() + 12 ? fingerprint.substring(0, PREFIX.length() + 12) + "…" : fingerprint;
    }

    /** SHA-256 of a file's bytes, hex. */
    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = digest();
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " to fingerprint it: " + e.getMessage(), e);
        }
    }

    /** SHA-256 of {@code bytes}, hex. */
    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static Input input(String kind, Path file) {
        Path normalized = file.toAbsolutePath().normalize();
        return new Input(kind, normalized, sha256(normalized));
    }

    /** The result files of {@code dir} but the gate's own, with the attachments they reference. */
    private static void allure(Path dir, List<Input> into) {
        List<Path> results;
        try (Stream<Path> list = Files.list(dir)) {
            results = list.filter(f -> f.getFileName().toString().endsWith("-result.json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list Allure results in " + dir + ": " + e.getMessage(), e);
        }
        Set<Path> attachments = new LinkedHashSet<>();
        for (Path file : results) {
            TestOutcome outcome;
            try {
                JsonNode node = JSON.readTree(file.toFile());
                outcome = AllureResultsReader.outcome(node, file);
            } catch (IOException | RuntimeException e) {
                into.add(input("allure-result", file)); // unreadable, yet read: the verdict lists it
                continue;
            }
            if (outcome.epic().equals(TestOutcome.GATE_EPIC)) {
                continue;
            }
            into.add(input("allure-result", file));
            outcome.attachments().stream().map(TestOutcome.Attachment::file).filter(Files::isRegularFile).forEach(attachments::add);
        }
        attachments.stream().sorted().forEach(file -> into.add(input("attachment", file)));
    }

    private static Path baselineDir(List<Path> dirs, String name) {
        return dirs.stream().map(dir -> dir.resolve(name)).filter(Files::isDirectory).findFirst()
                .map(dir -> dir.toAbsolutePath().normalize()).orElse(null);
    }

}
