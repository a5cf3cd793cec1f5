package io.docindexer.ocr;

/** Tesseract cannot start: its native library or language data is missing. Thrown at init. */
public class OcrSetupException extends RuntimeException {

    public OcrSetupException(String message) {
        super(message);
    }

    public OcrSetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
