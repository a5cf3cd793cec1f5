package io.docindexer.cli;

/** Pads text to a column width as a terminal shows it: CJK and other wide characters take two cells. */
final class TextColumns {

    private TextColumns() {}

    static String pad(String text, int width) {
        int cells = cells(text);
        return cells >= width ? text : text + " ".repeat(width - cells);
    }

    static int cells(String text) {
        return text.codePoints().map(TextColumns::cellsOf).sum();
    }

    private static int cellsOf(int codePoint) {
        Character.UnicodeBlock block = Character.UnicodeBlock.of(codePoint);
        boolean wide = block == Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS
                || block == Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS_EXTENSION_A
                || block == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                || block == Character.UnicodeBlock.HIRAGANA
                || block == Character.UnicodeBlock.KATAKANA
                || block == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS && codePoint < 0xFF61
                || block == Character.UnicodeBlock.HANGUL_SYLLABLES;
        return wide ? 2 : 1;
    }
}
