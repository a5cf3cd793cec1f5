package io.docindexer.ocr;

/**
 * Character error rate: edit distance between recognised and reference text divided by the
 * reference length, after collapsing whitespace (OCR line breaks and spacing are not errors).
 */
public final class CharacterErrorRate {

    private CharacterErrorRate() {}

    public static double of(String recognised, String reference) {
        return rate(collapseWhitespace(recognised), collapseWhitespace(reference));
    }

    /** For Japanese, where Tesseract puts spaces between characters that the text has not. */
    public static double ignoringWhitespace(String recognised, String reference) {
        return rate(recognised.replaceAll("\\s+", ""), reference.replaceAll("\\s+", ""));
    }

    public static String collapseWhitespace(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    private static double rate(String recognised, String reference) {
        return (double) levenshtein(recognised, reference) / reference.length();
    }

    private static int levenshtein(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
