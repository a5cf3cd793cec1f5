package io.docindexer.extract;

/**
 * Text of one page (1-based {@code number}). {@code ocrConfidence} is Tesseract's mean word
 * confidence (0-100) when the text came from OCR, and null when it came from a text layer.
 * {@code language} is the ISO 639-1 code of most of its letters, null until detected or when the
 * page has too few letters to tell.
 */
public record ExtractedPage(int number, String text, boolean ocr, Float ocrConfidence, String language) {

    public ExtractedPage(int number, String text, boolean ocr, Float ocrConfidence) {
        this(number, text, ocr, ocrConfidence, null);
    }

    public ExtractedPage withLanguage(String language) {
        return new ExtractedPage(number, text, ocr, ocrConfidence, language);
    }

    public static ExtractedPage fromTextLayer(int number, String text) {
        return new ExtractedPage(number, text, false, null);
    }

    public static ExtractedPage fromOcr(int number, String text, float confidence) {
        return new ExtractedPage(number, text, true, confidence);
    }
}
