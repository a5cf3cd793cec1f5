package io.docindexer.bench;

import io.docindexer.ocr.OcrEngine;
import io.docindexer.ocr.OcrResult;
import java.awt.image.BufferedImage;

/**
 * Stands in for Tesseract where a benchmark only needs to know which pages would be OCRed: it
 * reads nothing, so {@code bench pdf} times the text layer alone and loads no native code.
 */
final class NoOcrEngine implements OcrEngine {

    private static final OcrResult NOTHING = new OcrResult("", 0);

    @Override
    public OcrResult recognize(BufferedImage image) {
        return NOTHING;
    }

    @Override
    public int parallelism() {
        return 1;
    }

    @Override
    public void close() {
        // Nothing was started.
    }
}
