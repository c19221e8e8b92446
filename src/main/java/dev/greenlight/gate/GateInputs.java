package dev.greenlight.gate;

import dev.greenlight.evidence.Measurement;
import dev.greenlight.evidence.RunManifest;

import java.util.List;

/**
 * Everything the gate judges, already read from disk: criteria, measurements and run manifests (merged from every
 * evidence directory), test outcomes (merged from every Allure results directory) and the sign-off sheet.
 *
 * @param criteria          the criteria
 * @param evidenceDirs      the evidence directories read, as given
 * @param allureDirs        the Allure results directories read, as given
 * @param runs              one manifest per run id
 * @param measurements      distinct measurement lines
 * @param unreadable        evidence lines or result files that could not be read, as {@code file:line: reason}
 * @param duplicates        measurement lines seen more than once (the same run read through two directories), counted once
 * @param outcomes          distinct test results
 * @param signOff           the sign-off sheet, held against {@code fingerprint}
 * @param fingerprint       what the decision is made from, hashed; null where nothing was read from disk (unit tests)
 */
public record GateInputs(Criteria criteria, List<String> evidenceDirs, List<String> allureDirs, List<RunManifest> runs,
                         List<Measurement> measurements, List<String> unreadable, int duplicates, List<TestOutcome> outcomes,
                         SignOff signOff, EvidenceFingerprint fingerprint) {

    public GateInputs {
        evidenceDirs = List.copyOf(evidenceDirs);
        allureDirs = List.copyOf(allureDirs);
        runs = List.copyOf(runs);
        measurements = List.copyOf(measurements);
        unreadable = List.copyOf(unreadable);
        outcomes = List.copyOf(outcomes);
    }

    public GateInputs(Criteria criteria, List<String> evidenceDirs, List<String> allureDirs, List<RunManifest> runs,
                      List<Measurement> measurements, List<String> unreadable, int duplicates, List<TestOutcome> outcomes, SignOff signOff) {
        this(criteria, evidenceDirs, allureDirs, runs, measurements, unreadable, duplicates, outcomes, signOff, null);
    }

    /** Runs cut short: their {@code run.json} has no {@code finishedAt}. */
    public List<RunManifest> incompleteRuns() {
        return runs.stream().filter(r -> !r.complete()).toList();
    }

    /** Why the evidence is incomplete, or empty when it is not. */
    public List<String> incompleteness() {
        List<String> reasons = new java.util.ArrayList<>();
        for (RunManifest run : incompleteRuns()) {
            reasons.add("run " + run.runId() + " (target " + run.target() + ", started " + run.startedAt()
                    + ") was cut short: its run.json has no finishedAt");
        }
        if (runs.isEmpty() && !measurements.isEmpty()) {
            reasons.add("measurements were found without any run.json, so nobody can tell whether their runs finished");
        }
        return reasons;
    }

    /** Measurements no criterion reads (e.g. soak incidents), by criterion id: shown to the reviewer, not judged. */
    public java.util.Map<String, List<Measurement>> unjudged() {
        java.util.Set<String> read = new java.util.HashSet<>();
        criteria.criteria().forEach(spec -> read.addAll(spec.evidence()));
        java.util.Map<String, List<Measurement>> out = new java.util.TreeMap<>();
        measurements.stream().filter(m -> !read.contains(m.criterion()))
                .forEach(m -> out.computeIfAbsent(m.criterion(), id -> new java.util.ArrayList<>()).add(m));
        return out;
    }

    /** Acceptance tests only: without the gate's own results and run bookkeeping. */
    public List<TestOutcome> acceptanceTests() {
        return outcomes.stream().filter(TestOutcome::isAcceptanceTest).toList();
    }
}
