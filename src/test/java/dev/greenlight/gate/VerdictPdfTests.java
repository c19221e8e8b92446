package dev.greenlight.gate;

import dev.greenlight.report.AllureResults;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Stage;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.TestResult;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.greenlight.gate.GateFixtures.DAY;
import static dev.greenlight.gate.GateFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("verdict.pdf: one printable page whose text says the decision and every criterion, with the soak's charts")
class VerdictPdfTests {

    @TempDir
    Path tmp;

    @Test
    @DisplayName("the first page, rendered by pdftoppm, is a real page; its text holds the decision, every criterion id, the stale mark and the fingerprint")
    void shouldRenderOnePageWithTheDecisionAndEveryCriterion() throws Exception {
        Path reports = tmp.resolve("reports");
        EvidenceFiles.finishedRun(reports.resolve("evidence"), "20241127-090000", T0.plus(DAY), HealthyEvidence.measurements());
        AllureResults allure = AllureResults.at(reports.resolve("allure-results"));
        soakWithCharts(allure);
        AllureTestFiles tests = new AllureTestFiles(reports.resolve("allure-results"));
        for (int i = 0; i < 12; i++) {
            tests.write("shouldAnswerEndpoint" + i, Status.PASSED, "Smoke", "error-rate");
        }
        tests.write("shouldSignUpAndPublish", Status.PASSED, "Critical path", "critical-features");
        Path sheet = Files.writeString(tmp.resolve("signoff.yaml"), "release: Prisma 6.19.0 → 7.0.1 to production\nroles:\n"
                + "  - {role: QA Lead, name: Quinn QA, decision: GO, date: 2024-11-27, evidence: \"sha256:" + "e".repeat(64) + "\"}\n"
                + "  - {role: Tech Lead}\n");

        Verdict verdict = new Gate(Clock.fixed(T0.plus(DAY), ZoneOffset.UTC)).run(new Gate.Request(List.of(reports.resolve("evidence")),
                List.of(reports.resolve("allure-results")), GateFixtures.CRITERIA, sheet, reports.resolve("verdict"), null, null));
        Path pdf = reports.resolve("verdict").resolve(Gate.VERDICT_PDF);

        Files.createDirectories(Path.of("target"));
        for (String file : List.of(Gate.VERDICT_PDF, Gate.VERDICT_HTML)) { // kept to look at
            Files.copy(reports.resolve("verdict").resolve(file), Path.of("target", file), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        BufferedImage page = firstPage(pdf);
        assertThat(page.getWidth()).as("A4 at 100 dpi is 827 px wide").isBetween(820, 835);
        assertThat(inkShare(page)).as("share of the page with ink on it: text, tables, three charts").isBetween(0.03, 0.6);
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            assertThat(document.getNumberOfPages()).as("one page").isEqualTo(1);
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains(verdict.headline(), "Prisma 6.19.0 → 7.0.1 to production", "STALE",
                    verdict.inputs().fingerprint().value(), "Latency p50 / p95 / p99", "time to roll back", "all applied, checksums match");
            assertThat(verdict.rows()).hasSize(23).allSatisfy(row -> assertThat(text).as("criterion id on the page").contains(row.id()));
            assertThat(document.getPage(0).getResources().getXObjectNames()).as("the three charts, embedded").hasSize(3);
        }
        assertThat(reports.resolve("verdict").resolve(Gate.VERDICT_HTML)).content().contains("data:image/png;base64,")
                .doesNotContain("src=\"file:", "src=\"../");
    }

    @Test
    @DisplayName("a run without a soak says so where the charts would be, instead of failing")
    void shouldSayThereWasNoSoak() throws Exception {
        EvidenceFiles.finishedRun(tmp.resolve("evidence"), "run-1", T0.plus(DAY), List.of(GateFixtures.rate(0, 1000)));

        new Gate(Clock.fixed(T0.plus(DAY), ZoneOffset.UTC)).run(new Gate.Request(List.of(tmp.resolve("evidence")), List.of(),
                GateFixtures.CRITERIA, null, tmp.resolve("verdict"), null, null));

        try (PDDocument document = Loader.loadPDF(tmp.resolve("verdict").resolve(Gate.VERDICT_PDF).toFile())) {
            assertThat(new PDFTextStripper().getText(document)).contains("HOLD", "no soak in this run", "no rollback drill in this run");
        }
    }

    /** A soak test result with the three key charts attached, named as SoakCharts titles them. */
    private static void soakWithCharts(AllureResults allure) throws Exception {
        TestResult soak = new TestResult().setName("shouldHoldUnderLoad").setFullName("dev.greenlight.acceptance.soak.SoakTests.shouldHoldUnderLoad")
                .setStatus(Status.PASSED).setStage(Stage.FINISHED)
                .setLabels(new ArrayList<>(List.of(new Label().setName("epic").setValue("Soak"), new Label().setName("criterion").setValue("memory"))));
        for (String title : List.of("Latency from intended start (ms)", "Throughput (req/s) and error rate (%)", "Memory: heap (MB) with fitted trend")) {
            XYChart chart = new XYChartBuilder().width(1000).height(420).title(title).build();
            chart.addSeries("series", new double[] {0, 10, 20, 30, 40, 50}, new double[] {100, 104, 99, 101, 103, 100});
            soak.getAttachments().add(allure.attach(title, "image/png", "png", BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG)));
        }
        allure.write(soak);
    }

    /** Page 1 as PNG, by Debian's poppler-utils (.ci/run installs it); kept under target/ to look at. */
    private BufferedImage firstPage(Path pdf) throws Exception {
        Path prefix = tmp.resolve("page");
        Process pdftoppm;
        try {
            pdftoppm = new ProcessBuilder("pdftoppm", "-png", "-r", "100", "-f", "1", "-l", "1", "-singlefile", pdf.toString(), prefix.toString())
                    .redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            throw new AssertionError("pdftoppm is not installed: apt-get install poppler-utils (.ci/run does)", e);
        }
        assertThat(pdftoppm.waitFor(60, TimeUnit.SECONDS)).as("pdftoppm finished").isTrue();
        assertThat(pdftoppm.exitValue()).as(new String(pdftoppm.getInputStream().readAllBytes())).isZero();
        Path png = tmp.resolve("page.png");
        Files.createDirectories(Path.of("target"));
        Files.copy(png, Path.of("target", "verdict-page-1.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return ImageIO.read(png.toFile());
    }

    /** The share of pixels that are not near-white. */
    private static double inkShare(BufferedImage image) {
        long ink = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                if (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff) < 600) {
                    ink++;
                }
            }
        }
        return (double) ink / ((long) image.getWidth() * image.getHeight());
    }
}
