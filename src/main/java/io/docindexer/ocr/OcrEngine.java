package io.docindexer.ocr;

import java.awt.image.BufferedImage;

/** Reads the text in an image. Implementations are safe to call from several threads. */
public interface OcrEngine extends AutoCloseable {

    /** Recognises the text of an upright or rotated image; blocks while all engines are busy. */
    OcrResult recognize(BufferedImage image);

    /** How many images can be recognised at the same time; callers size their work to it. */
    int parallelism();

    @Override
    void close();
}
