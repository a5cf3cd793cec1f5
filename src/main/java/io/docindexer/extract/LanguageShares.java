package io.docindexer.extract;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How much room each language takes in a text, by ISO 639-1 code, as {@link LanguageDetection}
 * measured it; the shares of a document's pages add up to the document's.
 */
record LanguageShares(Map<String, Integer> widths) {

    // A language with less than this share of a text's letters is noise (a company name, a header).
    private static final double MINOR_SHARE = 0.1;

    LanguageShares {
        widths = Map.copyOf(widths);
    }

    static LanguageShares together(List<LanguageShares> parts) {
        Map<String, Integer> sum = new HashMap<>();
        parts.forEach(part -> part.widths().forEach((code, width) -> sum.merge(code, width, Integer::sum)));
        return new LanguageShares(sum);
    }

    /** The languages with a tenth of the room or more, the one taking most first. */
    List<String> prominent() {
        int total = widths.values().stream().mapToInt(Integer::intValue).sum();
        return widths.entrySet().stream()
                .filter(entry -> entry.getValue() >= total * MINOR_SHARE)
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
                .map(Map.Entry::getKey)
                .toList();
    }

    /** The language taking most room, or null when there is none. */
    String mostProminent() {
        List<String> prominent = prominent();
        return prominent.isEmpty() ? null : prominent.get(0);
    }
}
