package io.docindexer.extract;

/**
 * Text of one page (1-based {@code number}). {@code ocrConfidence} is Tesseract's mean word
 * confidence (0-100) when the text came from OCR, and null when it came from a text layer.
 * {@code language} is the ISO 639-1 code of most of its letters, null until detected or when the
 * page has too few letters to tell. A {@code deferred} page is a scan left to a page-range task:
 * it holds its place, with no text yet.
 */
public record ExtractedPage(
        int number, String text, boolean ocr, Float ocrConfidence, String language, boolean deferred) {

    public ExtractedPage(int number, String text, boolean ocr, Float ocrConfidence, String language) {
        this(number, text, ocr, ocrConfidence, language, false);
    }

    public ExtractedPage(int number, String text, boolean ocr, Float ocrConfidence) {
        this(number, text, ocr, ocrConfidence, null, false);
    }

    public ExtractedPage withLanguage(String language) {
        return new ExtractedPage(number, text, ocr, ocrConfidence, language, deferred);
    }

    /** A scanned page another task reads (see {@link ExtractionProgress#scannedPagesReadHere}). */
    public static ExtractedPage deferred(int number) {
        return new ExtractedPage(number, "", false, null, null, true);
    }

    public static ExtractedPage fromTextLayer(int number, String text) {
        return new ExtractedPage(number, text, false, null);
    }

    public static ExtractedPage fromOcr(int number, String text, float confidence) {
        return new ExtractedPage(number, text, true, confidence);
    }
}
