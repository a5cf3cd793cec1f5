package io.docindexer.ocr;

/**
 * Character error rate, as the tests' thresholds take it: {@code of(recognised, reference)},
 * edits per reference character after collapsing whitespace (OCR line breaks and spacing are not
 * errors). The counting is the benchmarks' ({@link io.docindexer.bench.CharacterErrorRate}).
 */
public final class CharacterErrorRate {

    private CharacterErrorRate() {}

    public static double of(String recognised, String reference) {
        return io.docindexer.bench.CharacterErrorRate.of(reference, recognised).fraction();
    }

    /** For Japanese, where Tesseract puts spaces between characters that the text has not. */
    public static double ignoringWhitespace(String recognised, String reference) {
        return of(recognised.replaceAll("\\s+", ""), reference.replaceAll("\\s+", ""));
    }

    public static String collapseWhitespace(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
