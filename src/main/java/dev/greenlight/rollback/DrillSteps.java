package dev.greenlight.rollback;

import dev.greenlight.config.Durations;
import dev.greenlight.config.Masker;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.StepResult;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Runs the drill's steps one after another, each timed and shown as an Allure step named with its outcome and
 * duration ({@code 3. Wait for the baseline — healthy on 6.19.0 after 4.2s (4.2s)}), its output attached. A step that
 * throws is a failed step with the (masked) message, never an aborted drill: what comes after (rolling forward) still
 * runs. Outside a test (no Allure test running) the steps are only timed.
 */
final class DrillSteps {

    /** What a step's body can say about itself. */
    static final class Step {
        private final List<String[]> attachments = new ArrayList<>();
        private String summary = "";
        private String failure;

        /** Attaches text to the step. */
        Step attach(String name, String text) {
            attachments.add(new String[] {name, text});
            return this;
        }

        /** The one line shown in the step's name. */
        Step summary(String line) {
            summary = line;
            return this;
        }

        /** Marks the step failed with {@code reason}; the body goes on returning normally. */
        Step fail(String reason) {
            failure = reason;
            summary = summary.isEmpty() ? reason : summary;
            return this;
        }

        boolean failed() {
            return failure != null;
        }
    }

    private final Masker masker;
    private final List<DrillReport.StepTiming> timings = new ArrayList<>();

    DrillSteps(Masker masker) {
        this.masker = masker;
    }

    /** Runs {@code body} as one step; returns what it returned, or null when it threw. */
    <T> T run(String name, Function<Step, T> body) {
        AllureLifecycle lifecycle = Allure.getLifecycle();
        boolean inTest = lifecycle.getCurrentTestCaseOrStep().isPresent();
        String uuid = UUID.randomUUID().toString();
        if (inTest) {
            lifecycle.startStep(uuid, new StepResult().setName(name));
        }
        Step step = new Step();
        long start = System.nanoTime();
        T value = null;
        try {
            value = body.apply(step);
        } catch (RuntimeException e) {
            step.fail(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        String summary = masker.mask(step.summary);
        timings.add(new DrillReport.StepTiming(name, took, !step.failed(), summary));
        if (inTest) {
            for (String[] attachment : step.attachments) {
                lifecycle.addAttachment(attachment[0], "text/plain", ".txt", masker.mask(attachment[1]).getBytes(StandardCharsets.UTF_8));
            }
            String title = name + (summary.isEmpty() ? "" : " — " + summary) + " (" + Durations.format(took) + ")";
            lifecycle.updateStep(uuid, result -> {
                result.setName(title).setStatus(step.failed() ? Status.FAILED : Status.PASSED);
                if (step.failed()) {
                    result.setStatusDetails(new StatusDetails().setMessage(masker.mask(step.failure)));
                }
            });
            lifecycle.stopStep(uuid);
        }
        return value;
    }

    /** Every step run so far, in order. */
    List<DrillReport.StepTiming> timings() {
        return List.copyOf(timings);
    }

    /** The summary of the step run last (for a failed step: why it failed). */
    String lastSummary() {
        return timings.isEmpty() ? "" : timings.get(timings.size() - 1).summary();
    }
}
