package dev.greenlight.gate;

import dev.greenlight.report.AllureResults;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Stage;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.StepResult;
import io.qameta.allure.model.TestResult;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes real Allure result files, as allure-java serialises them, for the gate to read back. */
public final class AllureTestFiles {

    private final AllureResults allure;

    public AllureTestFiles(Path dir) {
        this.allure = AllureResults.at(dir);
    }

    /** A result in {@code epic} serving {@code criteria}; failures carry the run extension's message prefix. */
    public TestResult write(String method, Status status, String epic, String... criteria) {
        List<Label> labels = new ArrayList<>(List.of(new Label().setName("epic").setValue(epic)));
        for (String criterion : criteria) {
            labels.add(new Label().setName("criterion").setValue(criterion));
        }
        TestResult result = new TestResult().setName(method).setFullName("dev.greenlight.acceptance.Suite." + method)
                .setStatus(status).setStage(Stage.FINISHED).setLabels(labels);
        if (status == Status.FAILED || status == Status.BROKEN) {
            result.setStatusDetails(new StatusDetails().setMessage("[criterion: " + String.join(", ", criteria) + "] expected 200 but was 503\nmore"));
        }
        allure.write(result);
        return result;
    }

    /** A passing result whose step carries an evidence attachment, as EvidenceRecorder leaves it. */
    TestResult writeWithEvidence(String method, String criterion) {
        TestResult result = new TestResult().setName(method).setFullName("dev.greenlight.acceptance.Suite." + method)
                .setStatus(Status.PASSED).setStage(Stage.FINISHED)
                .setLabels(new ArrayList<>(List.of(new Label().setName("epic").setValue("Soak"), new Label().setName("criterion").setValue(criterion))));
        StepResult step = new StepResult().setName("interval 1").setStatus(Status.PASSED);
        step.getAttachments().add(allure.attachText("evidence · " + criterion + " · GET /feed", "application/json", "json", "{}"));
        result.getSteps().add(step);
        allure.write(result);
        return result;
    }
}
