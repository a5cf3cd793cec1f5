package io.docindexer.index;

/**
 * The text of one page as the index keeps it, so that a hit can name the pages it is on.
 *
 * @param number 1-based, as the extractor numbered it
 * @param ocr whether the text came from OCR rather than a text layer
 */
public record PageText(int number, String text, boolean ocr) {}
