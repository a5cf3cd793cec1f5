package io.docindexer.extract;

import java.nio.file.Path;

/**
 * Extracts one PDF in a JVM of its own, so that a test can run it under a small heap. Prints
 * "pages=N ocrPages=M firstImage=WxH".
 */
public final class LargeScannedPdfRun {

    private LargeScannedPdfRun() {}

    public static void main(String[] args) throws Exception {
        ExtractionLimits limits = ExtractionLimits.defaults();
        // Slower than rendering, as Tesseract is: without back-pressure, page images would pile up.
        FakeOcrEngine ocr = new FakeOcrEngine("page text", 2, 150);
        try (DocumentExtractor extractor = new DocumentExtractor(limits, ocr)) {
            ExtractedDocument document = extractor.extract(Path.of(args[0]), "scan.pdf");
            System.out.println("pages=" + document.pageCount() + " ocrPages=" + document.ocrPageCount() + " firstImage="
                    + ocr.imageSizes().get(0));
        }
    }
}
