package dev.greenlight.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.greenlight.evidence.RunManifest;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code verdict.json}: the verdict for machines (pipelines, dashboards, a later audit). Units are those of the
 * evidence ({@code ratio} for rates, {@code ms} for latencies); an unbounded interval end is {@code null}. Its
 * {@code evidence} section holds the evidence fingerprint and every input's SHA-256 ({@link FingerprintJson}); its
 * last field, {@value #SELF_HASH}, is the SHA-256 of the file's own content without that field ({@link #selfHash}).
 */
public final class VerdictJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private VerdictJson() {
    }

    /** The last field: SHA-256 of the verdict's compact JSON without this field. */
    public static final String SELF_HASH = "verdictSha256";

    /** The JSON of {@code verdict}, paths relative to the working directory. */
    public static String render(Verdict verdict) {
        return render(verdict, Path.of(""));
    }

    /** The JSON of {@code verdict}; paths in its {@code evidence} section are relative to {@code outDir}, where it goes. */
    public static String render(Verdict verdict, Path outDir) {
        ObjectNode root = tree(verdict, outDir);
        root.put(SELF_HASH, selfHash(root));
        return root.toPrettyString();
    }

    /**
     * SHA-256 of {@code root} without {@value #SELF_HASH}, as compact JSON in its field order: whitespace and
     * indentation do not count, any value does.
     */
    public static String selfHash(JsonNode root) {
        ObjectNode copy = root.deepCopy();
        copy.remove(SELF_HASH);
        try {
            return EvidenceFingerprint.sha256(JSON.writeValueAsBytes(copy));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode tree(Verdict verdict, Path outDir) {
        ObjectNode root = JSON.createObjectNode();
        root.put("decision", verdict.decision().label());
        root.put("headline", verdict.headline());
        root.put("awaitingSignOff", verdict.awaitingSignOff());
        root.put("exitCode", verdict.exitCode());
        root.put("incomplete", verdict.incomplete());
        root.put("generatedAt", verdict.generatedAt().toString());
        strings(root.putArray("reasons"), verdict.reasons());
        strings(root.putArray("decidedBy"), verdict.deciding());
        GateInputs in = verdict.inputs();
        ObjectNode inputs = root.putObject("inputs");
        inputs.put("criteriaFile", in.criteria().file());
        if (in.criteria().minDurationOverride() != null) {
            inputs.put("minDurationOverride", in.criteria().minDurationOverride().toString());
        }
        if (!in.criteria().linesOverridden().isEmpty()) {
            ObjectNode overridden = inputs.putObject("linesOverriddenByTarget");
            in.criteria().linesOverridden().forEach(overridden::put);
        }
        strings(inputs.putArray("evidenceDirs"), in.evidenceDirs());
        strings(inputs.putArray("allureResultsDirs"), in.allureDirs());
        inputs.put("signOffFile", in.signOff().file());
        inputs.put("measurements", in.measurements().size());
        inputs.put("duplicateMeasurements", in.duplicates());
        strings(inputs.putArray("unreadable"), in.unreadable());
        strings(inputs.putArray("incomplete"), in.incompleteness());
        ObjectNode unjudged = inputs.putObject("notJudged");
        in.unjudged().forEach((id, measurements) -> unjudged.put(id, measurements.size()));
        ArrayNode runs = inputs.putArray("runs");
        for (RunManifest run : in.runs()) {
            ObjectNode node = runs.addObject().put("runId", run.runId()).put("target", run.target())
                    .put("startedAt", String.valueOf(run.startedAt())).put("complete", run.complete());
            if (run.finishedAt() != null) {
                node.put("finishedAt", run.finishedAt().toString());
            }
            run.info().forEach(node.putObject("info")::put);
        }
        ArrayNode criteria = root.putArray("criteria");
        for (CriterionResult row : verdict.rows()) {
            criteria.add(row(row));
        }
        ArrayNode signOff = root.putArray("signOff");
        for (SignOff.Entry entry : in.signOff().roles()) {
            boolean stale = in.signOff().stale(entry);
            signOff.addObject().put("role", entry.role()).put("responsibility", entry.responsibility()).put("required", entry.required())
                    .put("name", entry.name()).put("decision", entry.decision() == null ? null : entry.decision().label())
                    .put("date", entry.date() == null ? null : entry.date().toString()).put("note", entry.note())
                    .put("evidence", entry.evidence().isEmpty() ? null : entry.evidence())
                    .put("stale", stale).put("staleness", stale ? in.signOff().staleness(entry) : null);
        }
        if (in.fingerprint() != null) {
            FingerprintJson.write(root.putObject("evidence"), in.fingerprint(), outDir);
        }
        return root;
    }

    private static ObjectNode row(CriterionResult row) {
        CriterionSpec spec = row.spec();
        ObjectNode node = JSON.createObjectNode();
        node.put("id", spec.id()).put("title", spec.title()).put("priority", spec.priority().label())
                .put("status", row.status().name()).put("statusLabel", row.status().label())
                .put("contributes", row.status().contribution().label()).put("reason", row.reason());
        row.scope().forEach(node.putArray("leftOut")::add);
        ObjectNode lines = node.putObject("thresholds");
        lines.put("go", spec.go() == null ? null : spec.go().text());
        lines.put("noGo", spec.noGo() == null ? null : spec.noGo().text());
        lines.put("rollback", spec.rollback() == null ? null : spec.rollback().text());
        node.put("statistic", spec.statistic().label()).put("aggregate", spec.aggregate() == null ? null : spec.aggregate().label())
                .put("source", spec.source().label()).put("minSamples", spec.minSamples())
                .put("minDuration", row.minDuration() == null ? null : row.minDuration().toString());
        Estimate e = row.estimate();
        if (e != null) {
            ObjectNode measured = node.putObject("measured");
            measured.put("value", e.value()).put("unit", e.unit());
            bound(measured, "low", e.low());
            bound(measured, "high", e.high());
            measured.put("shown", row.measuredText());
            measured.put("interval", e.hasInterval() ? row.intervalText() : null);
            measured.put("samples", e.samples()).put("samplesName", spec.samplesName())
                    .put("observed", e.observed().toString()).put("method", e.method());
            strings(measured.putArray("notes"), e.notes());
            strings(measured.putArray("blockers"), e.blockers());
            ArrayNode sources = measured.putArray("measurements");
            e.used().stream().limit(200).forEach(m -> sources.addObject().put("runId", m.runId()).put("name", m.name())
                    .put("kind", m.kind().name()).put("value", m.value()).put("unit", m.unit()).put("samples", m.samples())
                    .put("from", String.valueOf(m.from())).put("to", String.valueOf(m.to())).put("source", m.source()));
            measured.put("measurementCount", e.used().size());
        }
        ArrayNode tests = node.putArray("tests");
        row.tests().forEach(t -> tests.addObject().put("name", t.name()).put("fullName", t.fullName())
                .put("status", t.status().label()).put("message", t.message()).put("resultFile", t.file().toString()));
        ArrayNode attachments = node.putArray("attachments");
        row.attachments().forEach(a -> attachments.addObject().put("name", a.name()).put("file", a.file().toString()));
        return node;
    }

    private static void bound(ObjectNode node, String key, double value) {
        if (Double.isInfinite(value) || Double.isNaN(value)) {
            node.putNull(key);
        } else {
            node.put(key, value);
        }
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
