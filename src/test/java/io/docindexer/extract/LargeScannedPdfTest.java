package io.docindexer.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.docindexer.ocr.Corpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 300-page A4 scan, every page rendered at 300 dpi (8.7 MB each, 2.6 GB together), extracted in
 * a JVM limited to 512 MB of heap: only bounded, page-at-a-time rendering gets through.
 * OCR is faked here; Tesseract's memory is native and is not what this test is about.
 */
class LargeScannedPdfTest {

    private static final int PAGES = 300;

    @Test
    void aThreeHundredPageScanFitsIn512MegabytesOfHeap(@TempDir Path folder) throws Exception {
        Path pdf = TestFiles.scannedPdf(
                folder.resolve("scan.pdf"),
                ImageIO.read(Corpus.file("ocr/phototest.tif").toFile()),
                PAGES,
                PDRectangle.A4);

        Process run = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx512m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        LargeScannedPdfRun.class.getName(),
                        pdf.toString())
                .redirectErrorStream(true)
                .start();
        String output = output(run);

        assertThat(run.exitValue()).as(output).isZero();
        assertThat(output).contains("pages=300 ocrPages=300 firstImage=2480x3507");
    }

    private static String output(Process process) throws IOException, InterruptedException {
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }
        return output;
    }
}
