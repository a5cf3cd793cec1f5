package io.docindexer.extract;

/**
 * The characters a document may still add to its text ({@link ExtractionLimits#maxChars()} for
 * the whole document). Pages are charged in order; the page that crosses the limit is cut.
 */
final class TextBudget {

    private int remaining;
    private boolean truncated;

    TextBudget(int maxChars) {
        this.remaining = maxChars;
    }

    /** The part of {@code text} that still fits. */
    String take(String text) {
        if (text.length() <= remaining) {
            remaining -= text.length();
            return text;
        }
        truncated = true;
        // Never leave half of a surrogate pair (an emoji, a rare kanji) at the cut.
        int end = remaining > 0 && Character.isHighSurrogate(text.charAt(remaining - 1)) ? remaining - 1 : remaining;
        remaining = 0;
        return text.substring(0, end);
    }

    int remaining() {
        return remaining;
    }

    boolean truncated() {
        return truncated;
    }
}
