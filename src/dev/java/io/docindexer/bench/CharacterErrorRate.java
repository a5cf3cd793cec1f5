package io.docindexer.bench;

import java.text.Normalizer;

/**
 * Character error rate of OCR output against a ground truth: the edit distance (insertions,
 * deletions, substitutions of Unicode code points) divided by the ground truth's length. Both
 * texts are normalised alike first, so that only reading counts, not layout or code points that
 * mean the same:
 *
 * <ul>
 *   <li>Runs of white space count as one space and the ends are trimmed, since the engines lay out
 *       lines and paragraphs differently and layout is not what the index searches.
 *   <li>White space next to a Japanese character (kanji, kana, Japanese punctuation) is dropped:
 *       Japanese puts no spaces between words, and a Tesseract reading eng+jpn puts one between
 *       every pair of Japanese characters unless {@code preserve_interword_spaces} is set (ours
 *       sets it; the CLI reference by default does not). Counted, those spaces would double the
 *       error rate of the side without the setting for no misread character.
 *   <li>NFKC: full-width letters, digits and brackets (（ ） １) count as their ASCII forms, which
 *       engines and typists use interchangeably in Japanese text, as the index's analysers do.
 * </ul>
 */
public record CharacterErrorRate(long edits, long truthLength) {

    public static CharacterErrorRate of(String truth, String read) {
        int[] expected = normalized(truth).codePoints().toArray();
        int[] actual = normalized(read).codePoints().toArray();
        return new CharacterErrorRate(editDistance(expected, actual), expected.length);
    }

    /** Several files together: total edits over total ground truth, so long pages weigh more. */
    CharacterErrorRate plus(CharacterErrorRate other) {
        return new CharacterErrorRate(edits + other.edits, truthLength + other.truthLength);
    }

    /** In percent, as OCR papers report it; 0 for an empty ground truth with nothing read. */
    double percent() {
        return 100 * fraction();
    }

    /** Edits per ground-truth character; 0 for an empty ground truth with nothing read. */
    public double fraction() {
        return truthLength == 0 ? (edits == 0 ? 0 : 1) : (double) edits / truthLength;
    }

    static String normalized(String text) {
        int[] characters = Normalizer.normalize(text, Normalizer.Form.NFKC)
                .strip()
                .codePoints()
                .toArray();
        StringBuilder normalized = new StringBuilder();
        for (int i = 0; i < characters.length; i++) {
            if (!Character.isWhitespace(characters[i])) {
                normalized.appendCodePoint(characters[i]);
                continue;
            }
            int next = i;
            while (Character.isWhitespace(characters[next])) {
                next++; // the text is stripped, so a non-space follows
            }
            boolean besideJapanese = isJapanese(characters[i - 1]) || isJapanese(characters[next]);
            if (!besideJapanese) {
                normalized.append(' ');
            }
            i = next - 1;
        }
        return normalized.toString();
    }

    /** Kanji, kana (with the long vowel mark ー) and Japanese punctuation (、。「」). */
    static boolean isJapanese(int character) {
        Character.UnicodeScript script = Character.UnicodeScript.of(character);
        Character.UnicodeBlock block = Character.UnicodeBlock.of(character);
        return script == Character.UnicodeScript.HAN
                || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA
                || block == Character.UnicodeBlock.KATAKANA
                || block == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION;
    }

    /** Levenshtein distance with two rows: a page is a few thousand characters, so O(n*m) time is fine. */
    private static long editDistance(int[] expected, int[] actual) {
        int[] previous = new int[actual.length + 1];
        int[] current = new int[actual.length + 1];
        for (int j = 0; j <= actual.length; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= expected.length; i++) {
            current[0] = i;
            for (int j = 1; j <= actual.length; j++) {
                int substitution = previous[j - 1] + (expected[i - 1] == actual[j - 1] ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[actual.length];
    }
}
