package io.docindexer.bench;

/**
 * Character error rate of OCR output against a ground truth: the edit distance (insertions,
 * deletions, substitutions of Unicode code points) divided by the ground truth's length. Runs of
 * white space count as one space and the ends are trimmed on both sides, since the two engines
 * lay out lines and paragraphs differently and layout is not what the index searches.
 */
public record CharacterErrorRate(long edits, long truthLength) {

    public static CharacterErrorRate of(String truth, String read) {
        int[] expected = normalized(truth);
        int[] actual = normalized(read);
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

    private static int[] normalized(String text) {
        return text.strip().replaceAll("\\s+", " ").codePoints().toArray();
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
