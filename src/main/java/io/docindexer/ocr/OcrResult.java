package io.docindexer.ocr;

/** Recognised text of one image and Tesseract's mean word confidence (0-100). */
public record OcrResult(String text, float meanConfidence) {}
