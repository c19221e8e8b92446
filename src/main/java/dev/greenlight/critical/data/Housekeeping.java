package dev.greenlight.critical.data;

import dev.greenlight.config.Masker;
import dev.greenlight.report.AllureResults;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Stage;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.StepResult;
import io.qameta.allure.model.TestResult;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One sweep or cleanup: deletes the rows of a {@link SweepPlan} through a {@link TaggedDataStore}, one at a time,
 * going on after a failure, and reports it as its own Allure result (epic "Run": bookkeeping, not a test) with a
 * step per row removed or refused and the rows kept, with why.
 */
final class Housekeeping {

    private final String title;
    private final String key;
    private final TaggedDataStore store;
    private final Clock clock;
    private final long started;
    private final List<StepResult> steps = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private int deleted;
    private int alreadyGone;
    private int failed;

    Housekeeping(String title, String key, TaggedDataStore store, Clock clock) {
        this.title = title;
        this.key = key;
        this.store = store;
        this.clock = clock;
        this.started = clock.millis();
    }

    void problems(List<String> found) {
        problems.addAll(found);
    }

    /** Deletes every row of the plan; returns how many could not be deleted. */
    int carryOut(SweepPlan plan) {
        for (TaggedRow row : plan.remove()) {
            long from = clock.millis();
            StepResult step = new StepResult().setStart(from);
            try {
                TaggedDataStore.Deletion outcome = store.delete(row);
                switch (outcome) {
                    case DELETED -> {
                        deleted++;
                        steps.add(step.setName("deleted " + row.describe()).setStatus(Status.PASSED));
                    }
                    case ALREADY_GONE -> alreadyGone++;
                    case NOT_POSSIBLE -> {
                        failed++;
                        steps.add(step.setName("left " + row.describe() + ": the API offers no way to delete it")
                                .setStatus(Status.BROKEN));
                    }
                }
            } catch (RuntimeException e) {
                failed++;
                steps.add(step.setName("could not delete " + row.describe() + ": " + e.getMessage()).setStatus(Status.FAILED));
            }
            step.setStop(clock.millis()).setStage(Stage.FINISHED);
        }
        for (SweepPlan.Kept kept : plan.kept()) {
            steps.add(new StepResult().setName("kept " + kept.row().describe() + ": " + kept.reason())
                    .setStatus(Status.SKIPPED).setStage(Stage.FINISHED).setStart(clock.millis()).setStop(clock.millis()));
        }
        return failed;
    }

    String summary() {
        return deleted + " deleted" + (alreadyGone > 0 ? ", " + alreadyGone + " already gone" : "")
                + (failed > 0 ? ", " + failed + " NOT deleted" : "")
                + (problems.isEmpty() ? "" : "; could not look everywhere: " + String.join("; ", problems));
    }

    /** Writes the Allure result; broken when a row could not be deleted or a listing failed. */
    void report(AllureResults allure, Masker masker, String description) {
        boolean clean = failed == 0 && problems.isEmpty();
        String text = masker.mask(description + "\n\n" + summary());
        TestResult result = new TestResult()
                .setName(title)
                .setFullName("greenlight.critical.testData." + key)
                .setHistoryId("greenlight.critical.testData." + key)
                .setStage(Stage.FINISHED)
                .setStart(started)
                .setStop(clock.millis())
                .setStatus(clean ? Status.PASSED : Status.BROKEN)
                .setDescription(text)
                .setLabels(new ArrayList<>(List.of(new Label().setName("epic").setValue("Run"),
                        new Label().setName("feature").setValue("Test data"))));
        steps.forEach(step -> step.setName(masker.mask(step.getName())));
        result.setSteps(steps);
        if (!clean) {
            result.setStatusDetails(new StatusDetails().setMessage(masker.mask(summary())));
        }
        if (!steps.isEmpty()) {
            result.getAttachments().add(allure.attachText("rows", "text/plain", "txt",
                    masker.mask(steps.stream().map(StepResult::getName).collect(Collectors.joining("\n")))));
        }
        allure.write(result);
    }
}
