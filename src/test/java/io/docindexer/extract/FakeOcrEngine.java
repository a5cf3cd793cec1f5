package io.docindexer.extract;

import io.docindexer.ocr.OcrEngine;
import io.docindexer.ocr.OcrResult;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Answers every image with the same text, after {@code millisPerImage} as a real engine would
 * take, and remembers the sizes of the images it was given.
 */
final class FakeOcrEngine implements OcrEngine {

    private final String text;
    private final int parallelism;
    private final long millisPerImage;
    private final List<String> imageSizes = new CopyOnWriteArrayList<>();

    FakeOcrEngine(String text, int parallelism) {
        this(text, parallelism, 0);
    }

    FakeOcrEngine(String text, int parallelism, long millisPerImage) {
        this.text = text;
        this.parallelism = parallelism;
        this.millisPerImage = millisPerImage;
    }

    @Override
    public OcrResult recognize(BufferedImage image) {
        imageSizes.add(image.getWidth() + "x" + image.getHeight());
        try {
            Thread.sleep(millisPerImage);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new OcrResult(text, 90);
    }

    @Override
    public int parallelism() {
        return parallelism;
    }

    List<String> imageSizes() {
        return imageSizes;
    }

    @Override
    public void close() {}
}
