package io.docindexer.extract;

/**
 * Text of one page (1-based {@code number}). {@code ocrConfidence} is Tesseract's mean word
 * confidence (0-100) when the text came from OCR, and null when it came from a text layer.
 */
public record ExtractedPage(int number, String text, boolean ocr, Float ocrConfidence) {

    public static ExtractedPage fromTextLayer(int number, String text) {
        return new ExtractedPage(number, text, false, null);
    }

    public static ExtractedPage fromOcr(int number, String text, float confidence) {
        return new ExtractedPage(number, text, true, confidence);
    }
}
