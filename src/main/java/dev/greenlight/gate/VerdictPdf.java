package dev.greenlight.gate;

import com.openhtmltopdf.extend.impl.FSDefaultCacheStore;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code verdict.pdf}: {@link VerdictPage}'s page rendered by openhtmltopdf (PDFBox underneath), text kept as text so
 * it can be searched and copied. Fonts are embedded (subset): DejaVu Sans where the system has it (Debian's
 * {@code fonts-dejavu-core}), else the Liberation Sans that PDFBox ships, so the page renders the same anywhere.
 */
final class VerdictPdf {

    private static final Path DEJAVU = Path.of("/usr/share/fonts/truetype/dejavu");
    private static final String LIBERATION = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    /** Font metrics kept across renders: parsing the fonts again costs more than laying out the page. */
    private static final FSDefaultCacheStore METRICS = new FSDefaultCacheStore();

    /**
     * PDFBox warns, per render, that the base-14 fonts openhtmltopdf registers (Helvetica, Times...) fall back to
     * Liberation Sans; the page never uses them. Held here: java.util.logging keeps loggers only weakly.
     */
    private static final Logger PDFBOX = Logger.getLogger("org.apache.pdfbox");

    static {
        XRLog.setLoggingEnabled(false); // its INFO lines would bury the verdict at the end of the build log
        PDFBOX.setLevel(Level.SEVERE);
    }

    private VerdictPdf() {
    }

    static void write(String xhtml, Path pdf) {
        try (OutputStream out = Files.newOutputStream(pdf)) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useCacheStore(PdfRendererBuilder.CacheStore.PDF_FONT_METRICS, METRICS);
            builder.withHtmlContent(xhtml, pdf.toAbsolutePath().getParent().toUri().toString());
            builder.withProducer("Greenlight gate");
            font(builder, "DejaVuSans.ttf", "DejaVu Sans", 400);
            font(builder, "DejaVuSans-Bold.ttf", "DejaVu Sans", 700);
            builder.useFont(() -> VerdictPdf.class.getResourceAsStream(LIBERATION), "Liberation Sans", 400, BaseRendererBuilder.FontStyle.NORMAL, true);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + pdf + ": " + e.getMessage(), e);
        }
    }

    private static void font(PdfRendererBuilder builder, String file, String family, int weight) {
        Path path = DEJAVU.resolve(file);
        if (Files.isRegularFile(path)) {
            builder.useFont(path.toFile(), family, weight, BaseRendererBuilder.FontStyle.NORMAL, true);
        }
    }
}
